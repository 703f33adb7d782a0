// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"

#include "app/gui/charts/charts_panel.h"
#include "app/gui/charts/exploration_chart.h"
#include "app/gui/charts/exploration_model.h"
#include "app/gui/charts/odds_chart.h"
#include "app/gui/charts/refcount_timeline_chart.h"
#include "app/gui/classroom_integration.h"
#include "app/gui/code_panel.h"
#include "app/gui/explore_panel.h"
#include "app/gui/export/recording_exporter.h"
#include "app/gui/history_model.h"
#include "app/gui/outcome.h"
#include "app/gui/outcome_banner.h"
#include "app/gui/scenario_editor_dialog.h"
#include "app/gui/settings_panel.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/thread_buttons_widget.h"
#include "core/builtin_scenarios.h"
#include "core/recording.h"
#include "core/scenario_io.h"
#include "scenes/race_scene.h"
#include "scenes/race_view.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace msb::app {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2B, 0x2D, 0x30);
    const QColor base(0x1E, 0x1F, 0x22);
    const QColor text(0xE8, 0xE8, 0xE8);
    const QColor disabledText(0x8A, 0x8A, 0x8A);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x36, 0x3A));
    p.setColor(QPalette::ToolTipBase, QColor(0x3C, 0x3F, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3C, 0x3F, 0x41));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xFF, 0x6E, 0x6E));
    p.setColor(QPalette::Link, QColor(0x6C, 0xB6, 0xFF));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xF0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x50, 0x53, 0x57));
    p.setColor(QPalette::Midlight, QColor(0x45, 0x48, 0x4C));
    p.setColor(QPalette::Mid, QColor(0x36, 0x38, 0x3B));
    p.setColor(QPalette::Dark, QColor(0x1A, 0x1B, 0x1D));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x33, 0x35, 0x38));
    return p;
}

QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_controller(new SimulationController(this))
    , m_scene(new scenes::RaceScene(this))
    , m_view(new scenes::RaceView(m_scene, this))
    , m_banner(new OutcomeBanner(this))
    , m_leftHost(new QWidget(this))
    , m_split(new QSplitter(Qt::Horizontal, this))
    , m_centerTabs(new QTabWidget(this))
    , m_baseFont(QApplication::font())
    , m_systemPalette(QApplication::palette())
{
    // The first frame is this skeleton: banner, scene and empty slots. Everything else is built
    // by buildPanels() right after the first paint (see the header).
    setWindowTitle(QStringLiteral("Migration Sandbox"));
    buildActions();
    buildMenus();

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);

    auto* centerSplit = new QSplitter(Qt::Vertical, this);
    centerSplit->addWidget(m_view);
    m_centerTabs->setFocusPolicy(Qt::NoFocus);
    centerSplit->addWidget(m_centerTabs);
    // A bigger window grows the scene; the tabs keep their height until the user drags.
    centerSplit->setStretchFactor(0, 1);
    centerSplit->setStretchFactor(1, 0);
    centerSplit->setChildrenCollapsible(false);
    centerSplit->setSizes({470, 270});

    auto* leftLayout = new QVBoxLayout(m_leftHost);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_leftHost->setMinimumWidth(260);
    QSplitter* split = m_split;
    split->addWidget(m_leftHost);
    split->addWidget(centerSplit);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({290, 990});
    layout->addWidget(split, 1);
    setCentralWidget(central);

    connect(m_scene, &scenes::RaceScene::threadActivated, m_controller, &SimulationController::step);
    connect(m_controller, &SimulationController::stepApplied, this, [this] {
        m_animateNext = true;
        m_chartsDirty = true;
    });
    connect(m_controller, &SimulationController::stateChanged, this, &MainWindow::refresh);
    connect(m_controller, &SimulationController::settingsChanged, this, [this] {
        m_chartsDirty = true;
        if (m_settingsPanel)
            m_settingsPanel->setSettings(m_controller->settings());
        statusBar()->showMessage(QStringLiteral("Settings changed: the same schedule was replayed under %1.")
                                     .arg(QString::fromUtf8(core::presetNameFor(m_controller->settings()).data())),
            6000);
    });
    connect(m_controller, &SimulationController::scenarioChanged, this, [this] {
        m_chartsDirty = true;
        if (m_explorePanel)
            m_explorePanel->clear();
        // Qt appends the application display name ("— Migration Sandbox") itself.
        setWindowTitle(QString::fromStdString(m_controller->scenario().name));
    });
    connect(m_controller, &SimulationController::loadFailed, this, [this](const QString& message) {
        statusBar()->showMessage(message, 10000);
        if (isVisible()) {
            // Non-modal, so a failed load never blocks a test or a headless run.
            auto* box =
                new QMessageBox(QMessageBox::Warning, QStringLiteral("Could not load"), message, QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    connect(m_controller, &SimulationController::playingChanged, this, [this](bool playing) {
        m_play->setText(playing ? QStringLiteral("Pause") : QStringLiteral("Play"));
        if (m_built)
            m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });

    setWindowTitle(QString::fromStdString(m_controller->scenario().name));
    applyPaletteToChildren();
    refresh();
    resize(1280, 800);
    // Lessons and the classroom (issue 6): their menus, the lesson dock and the follow bar.
    installClassroomAndLessons(*this);
    // The first paint of the scene's viewport queues the rest of the window.
    m_view->viewport()->installEventFilter(this);
}

const MainWindow* MainWindow::built() const
{
    if (!m_built)
        const_cast<MainWindow*>(this)->buildPanels();
    return this;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Paint && !m_built && !m_buildQueued) {
        m_buildQueued = true;
        m_view->viewport()->removeEventFilter(this);
        // After this frame is flushed, not inside its paint.
        QTimer::singleShot(0, this, &MainWindow::buildPanels);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::buildPanels()
{
    if (m_built)
        return;
    m_built = true;
    m_threadButtons = new ThreadButtonsWidget(this);
    m_settingsPanel = new SettingsPanel(this);
    m_codePanel = new CodePanel(this);
    m_historyModel = new HistoryModel(this);
    m_historyView = new QListView(this);
    m_explorePanel = new ExplorePanel(this);
    m_speed = new QSlider(Qt::Horizontal, this);
    m_scheduleMode = new QComboBox(this);
    m_seed = new QSpinBox(this);
    m_timelineSlider = new QSlider(Qt::Horizontal, this);
    m_timelineLabel = new QLabel(this);
    m_narrationTitle = new QLabel(this);
    m_narrationEdit = new QPlainTextEdit(this);

    // Icons load the icon-engine and image-format plugins: not for the first frame.
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_play->setIcon(style()->standardIcon(m_controller->isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_reset->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_leftHost->layout()->addWidget(buildLeftColumn());
    buildHistory();
    m_centerTabs->addTab(m_codePanel, QStringLiteral("Code"));
    m_centerTabs->addTab(m_historyView, QStringLiteral("History"));
    m_centerTabs->addTab(m_explorePanel, QStringLiteral("Explore"));
    // Charts are heavy (Qt Charts scenes): a placeholder until the tab is first shown.
    m_chartsHost = new QWidget(this);
    auto* chartsLayout = new QVBoxLayout(m_chartsHost);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    m_centerTabs->addTab(m_chartsHost, QStringLiteral("Charts"));
    connect(m_centerTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_centerTabs->widget(index) == m_chartsHost) {
            chartsPanel();
            refreshCharts();
        }
    });

    connect(m_threadButtons, &ThreadButtonsWidget::stepRequested, m_controller, &SimulationController::step);
    connect(m_settingsPanel, &SettingsPanel::settingsRequested, m_controller, &SimulationController::setSettings);
    connect(m_historyView, &QListView::clicked, this, [this](const QModelIndex& index) {
        const int target = index.row() + 1;
        if (m_readOnly || (m_forwardLimit >= 0 && target > std::max(m_forwardLimit, m_controller->position())))
            return;
        m_controller->jumpTo(target);
    });
    connect(m_explorePanel, &ExplorePanel::counterexampleRequested, this,
        [this](const core::Settings& settings, const std::vector<int>& schedule, int) {
            if (m_readOnly) {
                statusBar()->showMessage(m_readOnlyReason, 8000);
                return;
            }
            m_controller->setSettings(settings);
            m_controller->replay(schedule);
            statusBar()->showMessage(
                QStringLiteral("Counterexample loaded (%1 steps). Step on from here to branch off.")
                    .arg(schedule.size()),
                8000);
        });
    // The exploration chart follows the Explore panel's runs.
    connect(m_explorePanel, &ExplorePanel::progressSnapshot, this,
        [this](const QString& preset, double seconds, qulonglong states) {
            chartsPanel()->exploration()->explorationModel()->addSnapshot(preset, seconds, states);
        });
    connect(m_explorePanel, &ExplorePanel::presetExplored, this,
        [this](const QString& preset, double seconds, qulonglong states, const QString& verdict) {
            auto* model = chartsPanel()->exploration()->explorationModel();
            model->addSnapshot(preset, seconds, states);
            model->setVerdict(preset, verdict);
        });
    connect(m_controller, &SimulationController::scenarioChanged, this, [this] {
        if (m_charts)
            m_charts->exploration()->explorationModel()->clear();
    });

    m_settingsPanel->setSettings(m_controller->settings());
    m_historyModel->setPalette(QApplication::palette());
    if (m_zoom != 1.0)
        QTimer::singleShot(0, this, &MainWindow::fitLeftColumn);
    refreshPanels();
    Q_EMIT fullyBuilt();
}

ChartsPanel* MainWindow::chartsPanel()
{
    buildPanels();
    if (!m_charts) {
        // In a scroll area: the charts' controls must not set a minimum width for the window.
        auto* scroll = new QScrollArea(m_chartsHost);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        m_charts = new ChartsPanel(scroll);
        scroll->setWidget(m_charts);
        m_chartsHost->layout()->addWidget(scroll);
        connect(m_charts, &ChartsPanel::positionRequested, m_controller, &SimulationController::jumpTo);
        m_chartsDirty = true;
        refreshCharts();
    }
    return m_charts;
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto makeAction = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_back = makeAction(QStringLiteral("Back"), Qt::Key_Left, [this] { m_controller->undo(); });
    m_back->setToolTip(QStringLiteral("Step back (Left)"));
    m_forward = makeAction(QStringLiteral("Forward"), Qt::Key_Right, [this] { m_controller->redo(); });
    m_forward->setToolTip(QStringLiteral("Step forward: redo (Right)"));
    m_play = makeAction(QStringLiteral("Play"), Qt::Key_Space, [this] { m_controller->togglePlaying(); });
    m_play->setToolTip(QStringLiteral("Play or pause the auto-scheduler (Space)"));
    m_autoStep = makeAction(QStringLiteral("Auto step"), Qt::Key_A, [this] { m_controller->stepScheduled(); });
    m_autoStep->setToolTip(QStringLiteral("One step chosen by the auto-scheduler (A)"));
    m_reset = makeAction(QStringLiteral("Reset"), Qt::Key_R, [this] { m_controller->reset(); });
    m_reset->setToolTip(QStringLiteral("Back to the initial state, forgetting the steps (R)"));
    for (int t = 0; t < 9; ++t) {
        m_stepActions[size_t(t)] = makeAction(QStringLiteral("Step thread %1").arg(t + 1), QKeySequence(Qt::Key_1 + t),
            [this, t] { m_controller->step(t); });
    }
}

void MainWindow::buildMenus()
{
    auto* file = menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(QStringLiteral("&Open scenario or recording…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Open scenario or recording"), QString(),
            QStringLiteral("Scenarios and recordings (*.json);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    file->addAction(QStringLiteral("Save &recording…"), QKeySequence::Save, this, [this] {
        QString path = QFileDialog::getSaveFileName(
            this, QStringLiteral("Save recording"), QString(), QStringLiteral("Recordings (*.msrec.json)"));
        if (path.isEmpty())
            return;
        if (!path.endsWith(QStringLiteral(".msrec.json")))
            path += QStringLiteral(".msrec.json");
        QString error;
        if (!saveRecording(path, &error))
            QMessageBox::warning(this, QStringLiteral("Save failed"), error);
    });
    file->addAction(QStringLiteral("&Export recording…"), this, [this] {
        // Frames go into a directory; documents and videos into a file.
        const QStringList filters = {QStringLiteral("PDF handout (*.pdf)"), QStringLiteral("MP4 video (*.mp4)"),
            QStringLiteral("GIF animation (*.gif)"), QStringLiteral("SVG frames, one per step (directory)"),
            QStringLiteral("PNG frames, one per step (directory)")};
        const QStringList formats = {QStringLiteral("pdf"), QStringLiteral("mp4"), QStringLiteral("gif"),
            QStringLiteral("svg"), QStringLiteral("png")};
        QString filter = filters.front();
        QString path = QFileDialog::getSaveFileName(
            this, QStringLiteral("Export recording"), QString(), filters.join(QStringLiteral(";;")), &filter);
        if (path.isEmpty())
            return;
        const QString format = formats[std::max<qsizetype>(0, filters.indexOf(filter))];
        if (format != QStringLiteral("svg") && format != QStringLiteral("png")
            && !path.endsWith(QLatin1Char('.') + format))
            path += QLatin1Char('.') + format;
        QString error;
        if (exportRecording(path, format, &error))
            statusBar()->showMessage(QStringLiteral("Exported to %1").arg(path), 8000);
        else
            QMessageBox::warning(this, QStringLiteral("Export failed"), error);
    });
    auto* saveChart = file->addMenu(QStringLiteral("Save &chart as"));
    for (const QString& ext : {QStringLiteral("png"), QStringLiteral("svg")}) {
        saveChart->addAction(ext.toUpper() + QStringLiteral("…"), this, [this, ext] {
            showChartsTab();
            QString path = QFileDialog::getSaveFileName(
                this, QStringLiteral("Save chart"), QString(), QStringLiteral("%1 (*.%2)").arg(ext.toUpper(), ext));
            if (path.isEmpty())
                return;
            if (!path.endsWith(QLatin1Char('.') + ext))
                path += QLatin1Char('.') + ext;
            if (!saveCurrentChart(path))
                QMessageBox::warning(
                    this, QStringLiteral("Save failed"), QStringLiteral("Could not write %1").arg(path));
        });
    }
    file->addSeparator();
    file->addAction(QStringLiteral("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto* scenario = menuBar()->addMenu(QStringLiteral("&Scenario"));
    for (const auto& name : core::builtinScenarioNames()) {
        const QString qname = QString::fromStdString(name);
        scenario->addAction(qname, this, [this, qname] { loadBuiltin(qname); });
    }
    scenario->addSeparator();
    scenario->addAction(QStringLiteral("&Edit scenario…"), this, &MainWindow::editScenario);
    scenario->addAction(QStringLiteral("E&xplore every interleaving"), this, &MainWindow::exploreCurrent);

    auto* run = menuBar()->addMenu(QStringLiteral("&Run"));
    run->addAction(m_back);
    run->addAction(m_forward);
    run->addAction(m_play);
    run->addAction(m_autoStep);
    run->addAction(m_reset);
    run->addSeparator();
    for (auto* action : m_stepActions)
        run->addAction(action);

    auto* view = menuBar()->addMenu(QStringLiteral("&View"));
    view->addAction(QStringLiteral("Zoom &in"), QKeySequence::ZoomIn, this, [this] { setZoom(m_zoom * 1.15); });
    view->addAction(QStringLiteral("Zoom &out"), QKeySequence::ZoomOut, this, [this] { setZoom(m_zoom / 1.15); });
    view->addAction(QStringLiteral("&Reset zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] { setZoom(1.0); });
    view->addSeparator();
    auto* themeMenu = view->addMenu(QStringLiteral("&Theme"));
    auto* themes = new QActionGroup(this);
    const std::array<std::pair<QString, Theme>, 3> themeItems = {{{QStringLiteral("Follow the system"), Theme::System},
        {QStringLiteral("Light"), Theme::Light}, {QStringLiteral("Dark"), Theme::Dark}}};
    for (const auto& [label, theme] : themeItems) {
        auto* action = themeMenu->addAction(label, this, [this, theme = theme] { setTheme(theme); });
        action->setCheckable(true);
        action->setChecked(theme == Theme::System);
        themes->addAction(action);
    }
    auto* reduce = view->addAction(QStringLiteral("Reduce &motion"));
    reduce->setCheckable(true);
    connect(reduce, &QAction::toggled, this, &MainWindow::setReduceMotion);
}

QWidget* MainWindow::buildLeftColumn()
{
    auto* column = new QWidget(this);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 6, 0);

    auto* threads = new QGroupBox(QStringLiteral("Step a thread"), column);
    auto* threadsLayout = new QVBoxLayout(threads);
    threadsLayout->addWidget(m_threadButtons);
    layout->addWidget(threads);

    auto* timeline = new QGroupBox(QStringLiteral("Timeline"), column);
    auto* timelineLayout = new QVBoxLayout(timeline);
    auto* transport = new QHBoxLayout;
    for (QAction* action : {m_back, m_play, m_forward, m_reset}) {
        auto* button = new QToolButton(timeline);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setFocusPolicy(Qt::NoFocus);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        transport->addWidget(button);
    }
    timelineLayout->addLayout(transport);
    // Scrub over every position of the run, the redo tail included (an opened recording).
    m_timelineSlider->setFocusPolicy(Qt::NoFocus);
    m_timelineSlider->setToolTip(QStringLiteral("Drag to move through the run; steps after the handle stay for redo"));
    m_timelineSlider->setAccessibleName(QStringLiteral("Timeline position"));
    connect(m_timelineSlider, &QSlider::valueChanged, this, [this](int value) {
        if (m_forwardLimit >= 0)
            value = std::min(value, std::max(m_forwardLimit, m_controller->position()));
        if (value != m_controller->position())
            m_controller->jumpTo(value);
        else if (value != m_timelineSlider->value())
            refreshPanels(); // held at the limit: the handle goes back
    });
    auto* scrub = new QHBoxLayout;
    scrub->addWidget(m_timelineSlider, 1);
    scrub->addWidget(m_timelineLabel);
    timelineLayout->addLayout(scrub);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_speed->setRange(1, 20);
    m_speed->setValue(m_controller->stepsPerSecond());
    m_speed->setFocusPolicy(Qt::NoFocus);
    m_speed->setToolTip(QStringLiteral("Steps per second while playing"));
    connect(m_speed, &QSlider::valueChanged, m_controller, &SimulationController::setStepsPerSecond);
    form->addRow(QStringLiteral("Speed:"), m_speed);
    m_scheduleMode->addItem(QStringLiteral("Round robin"));
    m_scheduleMode->addItem(QStringLiteral("Random (seeded)"));
    m_scheduleMode->setFocusPolicy(Qt::NoFocus);
    m_seed->setRange(0, 999999);
    m_seed->setValue(1);
    m_seed->setEnabled(false);
    auto applyMode = [this] {
        const bool random = m_scheduleMode->currentIndex() == 1;
        m_seed->setEnabled(random);
        m_controller->setScheduleMode(
            random ? ScheduleMode::Random : ScheduleMode::RoundRobin, quint64(m_seed->value()));
    };
    connect(m_scheduleMode, &QComboBox::currentIndexChanged, this, applyMode);
    connect(m_seed, &QSpinBox::valueChanged, this, applyMode);
    form->addRow(QStringLiteral("Auto-schedule:"), m_scheduleMode);
    form->addRow(QStringLiteral("Seed:"), m_seed);
    timelineLayout->addLayout(form);
    layout->addWidget(timeline);

    auto* patch = new QGroupBox(QStringLiteral("The check"), column);
    auto* patchLayout = new QVBoxLayout(patch);
    patchLayout->addWidget(m_settingsPanel);
    layout->addWidget(patch);

    // Narration belongs to the step that led to the current position; Save recording keeps it.
    auto* narration = new QGroupBox(QStringLiteral("Narration"), column);
    auto* narrationLayout = new QVBoxLayout(narration);
    m_narrationTitle->setWordWrap(true);
    narrationLayout->addWidget(m_narrationTitle);
    m_narrationEdit->setTabChangesFocus(true);
    m_narrationEdit->setMinimumHeight(m_narrationEdit->fontMetrics().lineSpacing() * 4);
    m_narrationEdit->setMaximumHeight(m_narrationEdit->fontMetrics().lineSpacing() * 7);
    narrationLayout->addWidget(m_narrationEdit);
    connect(m_narrationEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updatingNarration && m_controller->position() > 0)
            m_controller->setNarration(m_controller->position() - 1, m_narrationEdit->toPlainText());
    });
    layout->addWidget(narration);
    layout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(column);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_leftScroll = scroll;
    fitLeftColumn();
    return scroll;
}

void MainWindow::buildHistory()
{
    m_historyView->setModel(m_historyModel);
    m_historyView->setUniformItemSizes(true);
    m_historyView->setFocusPolicy(Qt::NoFocus);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setTextElideMode(Qt::ElideRight);
    m_historyView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void MainWindow::fitLeftColumn()
{
    if (!m_leftScroll)
        return;
    // The column never scrolls sideways: it is as wide as its widest row needs.
    QWidget* column = m_leftScroll->widget();
    column->adjustSize();
    const int width = column->minimumSizeHint().width() + m_leftScroll->verticalScrollBar()->sizeHint().width() + 4;
    m_leftScroll->setMinimumWidth(width);
    // The splitter keeps the skeleton's width until told: give the scene everything else (before
    // the first show the splitter has no sizes yet; it scales what it is given to the window).
    m_leftHost->setMinimumWidth(width);
    const QList<int> sizes = m_split->sizes();
    const int total = sizes.size() == 2 && sizes[0] + sizes[1] > 0 ? sizes[0] + sizes[1] : this->width();
    if (sizes.isEmpty() || sizes[0] != width)
        m_split->setSizes({width, std::max(width, total - width)});
}

void MainWindow::showExploreTab()
{
    m_centerTabs->setCurrentWidget(explorePanel());
}

void MainWindow::showChartsTab()
{
    buildPanels();
    m_centerTabs->setCurrentWidget(m_chartsHost);
}

void MainWindow::exploreCurrent()
{
    showExploreTab();
    explorePanel()->start(m_controller->scenario());
}

bool MainWindow::saveRecording(const QString& path, QString* error)
{
    auto saved = core::saveRecordingFile(m_controller->recording(), path.toStdString());
    if (!saved && error)
        *error = QString::fromStdString(saved.error().toString());
    return saved.ok();
}

bool MainWindow::exportRecording(const QString& path, const QString& format, QString* error)
{
    RecordingExporter::Format parsed {};
    if (!RecordingExporter::parseFormat(format, &parsed)) {
        if (error)
            *error = QStringLiteral("unknown export format \"%1\"").arg(format);
        return false;
    }
    RecordingExporter exporter(m_controller->recording());
    std::unique_ptr<QProgressDialog> progress;
    if (isVisible()) {
        progress = std::make_unique<QProgressDialog>(QStringLiteral("Exporting…"), QString(), 0, 0, this);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(300);
        exporter.setProgress([&progress](int done, int total) {
            progress->setMaximum(total);
            progress->setValue(done);
        });
    }
    const bool ok = exporter.write(parsed, path);
    if (!ok && error)
        *error = exporter.errorString();
    return ok;
}

bool MainWindow::saveCurrentChart(const QString& path)
{
    ChartsPanel* charts = chartsPanel();
    QWidget* current = charts->tabs()->currentWidget();
    if (current == charts->odds())
        return charts->odds()->saveOutcomes(path);
    if (current == charts->exploration())
        return charts->exploration()->save(path);
    return charts->timeline()->save(path);
}

void MainWindow::setReadOnly(bool on, const QString& reason)
{
    if (m_readOnly == on && m_readOnlyReason == reason)
        return;
    m_readOnly = on;
    m_readOnlyReason = on ? reason : QString();
    if (on)
        m_controller->setPlaying(false);
    refresh();
}

void MainWindow::setForwardLimit(int position, const QString& reason)
{
    position = std::max(position, -1);
    if (m_forwardLimit == position && m_forwardLimitReason == reason)
        return;
    m_forwardLimit = position;
    m_forwardLimitReason = position >= 0 ? reason : QString();
    refresh();
}

QString MainWindow::hintText() const
{
    if (m_readOnly && !m_readOnlyReason.isEmpty())
        return m_readOnlyReason;
    const int n = m_controller->threadCount();
    QString hint = QStringLiteral("Press a thread's Step button or its key (1–%1). ← / → undo and redo, Space plays, "
                                  "R resets.")
                       .arg(n);
    if (m_controller->scenario().name == "two-faults" && m_controller->position() < 18) {
        hint += QStringLiteral(" To see the livelock round: step T1 ×7, T2 ×3, T1, T2 ×2, T1 ×3, T2 ×2 "
                               "(keys 1111111 222 1 22 111 22), then flip the switch on the left.");
    }
    return hint;
}

void MainWindow::refresh()
{
    const core::Simulator& sim = m_controller->simulator();
    const OutcomeDescription outcome = describeOutcome(sim);
    m_banner->showOutcome(outcome, hintText());
    const bool editable = !m_readOnly;
    for (int t = 0; t < 9; ++t)
        m_stepActions[size_t(t)]->setEnabled(editable && sim.canStep(t));
    // A lesson's checkpoint holds Forward and Play at its step until it is answered.
    const bool held = m_forwardLimit >= 0 && sim.position() >= m_forwardLimit;
    if ((held || m_readOnly) && m_controller->isPlaying())
        m_controller->setPlaying(false);
    m_back->setEnabled(editable && sim.position() > 0);
    m_forward->setEnabled(editable && !held && sim.position() < sim.historySize());
    m_play->setEnabled(editable && !held);
    m_autoStep->setEnabled(editable && !held);
    m_reset->setEnabled(editable);
    const QString heldTip = held && editable ? m_forwardLimitReason : QString();
    m_forward->setToolTip(heldTip.isEmpty() ? QStringLiteral("Step forward: redo (Right)") : heldTip);
    m_play->setToolTip(heldTip.isEmpty() ? QStringLiteral("Play or pause the auto-scheduler (Space)") : heldTip);
    m_autoStep->setToolTip(heldTip.isEmpty() ? QStringLiteral("One step chosen by the auto-scheduler (A)") : heldTip);
    m_scene->showState(sim.model(), sim.state(), m_controller->lastStep(), m_animateNext && !m_reduceMotion);
    m_animateNext = false;
    if (m_built)
        refreshPanels();
}

void MainWindow::refreshPanels()
{
    const core::Simulator& sim = m_controller->simulator();
    m_threadButtons->showState(sim);
    m_codePanel->showState(sim);
    m_historyModel->resetData(sim, describeOutcome(sim).steps);
    if (sim.position() > 0) {
        const QModelIndex current = m_historyModel->index(sim.position() - 1);
        m_historyView->setCurrentIndex(current);
        m_historyView->scrollTo(current);
    } else if (m_historyModel->rowCount() > 0) {
        m_historyView->scrollToTop();
    }
    {
        const QSignalBlocker block(m_timelineSlider);
        m_timelineSlider->setRange(0, sim.historySize());
        m_timelineSlider->setValue(sim.position());
    }
    m_timelineSlider->setEnabled(!m_readOnly && sim.historySize() > 0);
    m_threadButtons->setEnabled(!m_readOnly);
    m_settingsPanel->setEnabled(!m_readOnly);
    m_narrationEdit->setReadOnly(m_readOnly);
    m_timelineLabel->setText(QStringLiteral("%1 / %2").arg(sim.position()).arg(sim.historySize()));
    refreshNarration();
    refreshCharts();
}

void MainWindow::refreshNarration()
{
    const int step = m_controller->position() - 1;
    const QString text = m_controller->narration(step);
    if (step < 0) {
        m_narrationTitle->setText(QStringLiteral("Step first: narration belongs to the step that led here."));
    } else {
        const core::StepRecord& record = m_controller->simulator().history()[size_t(step)];
        m_narrationTitle->setText(
            QStringLiteral("Step %1: %2 %3")
                .arg(step + 1)
                .arg(QString::fromStdString(m_controller->scenario().threads[size_t(record.thread)].name),
                    QString::fromUtf8(core::stepInfo(record.id).id)));
    }
    m_narrationEdit->setEnabled(step >= 0);
    m_narrationEdit->setPlaceholderText(
        step >= 0 ? QStringLiteral("What happens at this step, in your words (saved with the recording).") : QString());
    // Only replace the text when it differs, so typing keeps the cursor where it is.
    if (step != m_narrationStep || m_narrationEdit->toPlainText() != text) {
        m_updatingNarration = true;
        m_narrationEdit->setPlainText(text);
        m_updatingNarration = false;
    }
    m_narrationStep = step;
}

void MainWindow::refreshCharts()
{
    // A hidden chart is refreshed when its tab is raised (m_chartsDirty stays as it is).
    if (!m_charts || m_centerTabs->currentWidget() != m_chartsHost)
        return;
    if (m_chartsDirty) {
        m_charts->setSimulator(m_controller->simulator());
        m_chartsDirty = false;
    } else {
        m_charts->setPosition(m_controller->position());
    }
}

void MainWindow::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, 0.5, 3.0);
    QFont font = m_baseFont;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(m_baseFont.pointSizeF() * m_zoom);
    else
        font.setPixelSize(qRound(m_baseFont.pixelSize() * m_zoom));
    QApplication::setFont(font);
    m_view->setZoom(m_zoom);
    for (QWidget* w : {static_cast<QWidget*>(m_banner), static_cast<QWidget*>(m_centerTabs)})
        w->updateGeometry();
    // The new font reaches the widgets through events; measure the column after them.
    QTimer::singleShot(0, this, &MainWindow::fitLeftColumn);
}

void MainWindow::setTheme(Theme theme)
{
    m_theme = theme;
    switch (theme) {
    case Theme::System:
        QApplication::setPalette(m_systemPalette);
        break;
    case Theme::Light:
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
    applyPaletteToChildren();
    refresh();
}

void MainWindow::setReduceMotion(bool reduce)
{
    m_reduceMotion = reduce;
    m_scene->setReduceMotion(reduce);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange && !m_applyingPalette) {
        applyPaletteToChildren();
        refresh();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::applyPaletteToChildren()
{
    m_applyingPalette = true;
    // QApplication::setPalette reaches our own palette() only through a later event.
    m_scene->setPalette(QApplication::palette());
    if (m_historyModel)
        m_historyModel->setPalette(QApplication::palette());
    m_applyingPalette = false;
}

bool MainWindow::openFile(const QString& path, const core::ScenarioParameters& parameters)
{
    const std::string file = path.toStdString();
    if (path.endsWith(QStringLiteral(".msrec.json"))) {
        auto recording = core::loadRecordingFile(file);
        if (!recording) {
            Q_EMIT m_controller->loadFailed(QString::fromStdString(recording.error().toString()));
            return false;
        }
        // At position 0 with every step as redo tail: scrub, play, or branch off.
        return m_controller->loadRecording(recording.value());
    }
    auto scenario = core::loadScenarioFile(file, parameters);
    if (!scenario) {
        Q_EMIT m_controller->loadFailed(QString::fromStdString(scenario.error().toString()));
        return false;
    }
    m_controller->loadScenario(scenario.value(), m_controller->settings());
    return true;
}

bool MainWindow::loadBuiltin(const QString& name, const core::ScenarioParameters& parameters)
{
    auto scenario = core::loadBuiltinScenario(name.toStdString(), parameters);
    if (!scenario) {
        Q_EMIT m_controller->loadFailed(QString::fromStdString(scenario.error().toString()));
        return false;
    }
    m_controller->loadScenario(scenario.value(), m_controller->settings());
    return true;
}

void MainWindow::editScenario()
{
    ScenarioEditorDialog dialog(m_controller->scenario(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_controller->loadScenario(dialog.scenario(), m_controller->settings());
}

} // namespace msb::app
