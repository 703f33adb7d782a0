// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"

#include "app/gui/code_panel.h"
#include "app/gui/explore_panel.h"
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
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

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
    , m_threadButtons(new ThreadButtonsWidget(this))
    , m_settingsPanel(new SettingsPanel(this))
    , m_codePanel(new CodePanel(this))
    , m_historyModel(new HistoryModel(this))
    , m_historyView(new QListView(this))
    , m_explorePanel(new ExplorePanel(this))
    , m_rightTabs(new QTabWidget(this))
    , m_centerTabs(new QTabWidget(this))
    , m_speed(new QSlider(Qt::Horizontal, this))
    , m_scheduleMode(new QComboBox(this))
    , m_seed(new QSpinBox(this))
    , m_baseFont(QApplication::font())
    , m_systemPalette(QApplication::palette())
{
    setWindowTitle(QStringLiteral("Migration Sandbox"));
    buildActions();
    buildMenus();

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);

    auto* centerSplit = new QSplitter(Qt::Vertical, this);
    centerSplit->addWidget(m_view);
    // The code panel and the verdict table share the wide space under the scene.
    m_centerTabs->addTab(m_codePanel, QStringLiteral("Code"));
    m_centerTabs->addTab(m_explorePanel, QStringLiteral("Explore"));
    m_centerTabs->setFocusPolicy(Qt::NoFocus);
    centerSplit->addWidget(m_centerTabs);
    centerSplit->setStretchFactor(0, 3);
    centerSplit->setStretchFactor(1, 2);
    centerSplit->setChildrenCollapsible(false);
    centerSplit->setSizes({440, 300});

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(buildLeftColumn());
    split->addWidget(centerSplit);
    split->addWidget(buildRightColumn());
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({300, 640, 340});
    layout->addWidget(split, 1);
    setCentralWidget(central);

    connect(m_threadButtons, &ThreadButtonsWidget::stepRequested, m_controller, &SimulationController::step);
    connect(m_scene, &scenes::RaceScene::threadActivated, m_controller, &SimulationController::step);
    connect(m_settingsPanel, &SettingsPanel::settingsRequested, m_controller, &SimulationController::setSettings);
    connect(m_controller, &SimulationController::stepApplied, this, [this] { m_animateNext = true; });
    connect(m_controller, &SimulationController::stateChanged, this, &MainWindow::refresh);
    connect(m_controller, &SimulationController::settingsChanged, this, [this] {
        m_settingsPanel->setSettings(m_controller->settings());
        statusBar()->showMessage(QStringLiteral("Settings changed: the same schedule was replayed under %1.")
                                     .arg(QString::fromUtf8(core::presetNameFor(m_controller->settings()).data())),
            6000);
    });
    connect(m_controller, &SimulationController::scenarioChanged, this, [this] {
        m_explorePanel->clear();
        setWindowTitle(
            QStringLiteral("Migration Sandbox — %1").arg(QString::fromStdString(m_controller->scenario().name)));
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
        m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    connect(m_historyView, &QListView::clicked, this,
        [this](const QModelIndex& index) { m_controller->jumpTo(index.row() + 1); });
    connect(m_explorePanel, &ExplorePanel::counterexampleRequested, this,
        [this](const core::Settings& settings, const std::vector<int>& schedule, int) {
            m_controller->setSettings(settings);
            m_controller->replay(schedule);
            statusBar()->showMessage(
                QStringLiteral("Counterexample loaded (%1 steps). Step on from here to branch off.")
                    .arg(schedule.size()),
                8000);
        });

    m_settingsPanel->setSettings(m_controller->settings());
    setWindowTitle(QStringLiteral("Migration Sandbox — %1").arg(QString::fromStdString(m_controller->scenario().name)));
    applyPaletteToChildren();
    refresh();
    resize(1280, 800);
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
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_back->setToolTip(QStringLiteral("Step back (Left)"));
    m_forward = makeAction(QStringLiteral("Forward"), Qt::Key_Right, [this] { m_controller->redo(); });
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_forward->setToolTip(QStringLiteral("Step forward: redo (Right)"));
    m_play = makeAction(QStringLiteral("Play"), Qt::Key_Space, [this] { m_controller->togglePlaying(); });
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(QStringLiteral("Play or pause the auto-scheduler (Space)"));
    m_autoStep = makeAction(QStringLiteral("Auto step"), Qt::Key_A, [this] { m_controller->stepScheduled(); });
    m_autoStep->setToolTip(QStringLiteral("One step chosen by the auto-scheduler (A)"));
    m_reset = makeAction(QStringLiteral("Reset"), Qt::Key_R, [this] { m_controller->reset(); });
    m_reset->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
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
        const QString path = QFileDialog::getSaveFileName(
            this, QStringLiteral("Save recording"), QString(), QStringLiteral("Recordings (*.msrec.json)"));
        if (path.isEmpty())
            return;
        auto saved = core::saveRecordingFile(core::recordFromSimulator(m_controller->simulator()), path.toStdString());
        if (!saved)
            QMessageBox::warning(this, QStringLiteral("Save failed"), QString::fromStdString(saved.error().toString()));
    });
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

QWidget* MainWindow::buildRightColumn()
{
    m_historyView->setModel(m_historyModel);
    m_historyView->setUniformItemSizes(true);
    m_historyView->setFocusPolicy(Qt::NoFocus);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setTextElideMode(Qt::ElideRight);
    m_historyView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rightTabs->addTab(m_historyView, QStringLiteral("History"));
    m_rightTabs->setMinimumWidth(240);
    m_rightTabs->setFocusPolicy(Qt::NoFocus);
    return m_rightTabs;
}

void MainWindow::fitLeftColumn()
{
    // The column never scrolls sideways: it is as wide as its widest row needs.
    QWidget* column = m_leftScroll->widget();
    column->adjustSize();
    m_leftScroll->setMinimumWidth(
        column->minimumSizeHint().width() + m_leftScroll->verticalScrollBar()->sizeHint().width() + 4);
}

void MainWindow::showExploreTab()
{
    m_centerTabs->setCurrentWidget(m_explorePanel);
}

void MainWindow::exploreCurrent()
{
    showExploreTab();
    m_explorePanel->start(m_controller->scenario());
}

QString MainWindow::hintText() const
{
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
    const Outcome outcome = describeOutcome(sim);
    m_banner->showOutcome(outcome, hintText());
    m_threadButtons->showState(sim);
    m_codePanel->showState(sim);
    m_historyModel->resetData(sim, outcome.steps);
    if (sim.position() > 0) {
        const QModelIndex current = m_historyModel->index(sim.position() - 1);
        m_historyView->setCurrentIndex(current);
        m_historyView->scrollTo(current);
    } else if (m_historyModel->rowCount() > 0) {
        m_historyView->scrollToTop();
    }
    for (int t = 0; t < 9; ++t)
        m_stepActions[size_t(t)]->setEnabled(sim.canStep(t));
    m_back->setEnabled(sim.position() > 0);
    m_forward->setEnabled(sim.position() < sim.historySize());
    m_scene->showState(sim.model(), sim.state(), m_controller->lastStep(), m_animateNext && !m_reduceMotion);
    m_animateNext = false;
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
        const auto& rec = recording.value();
        m_controller->loadScenario(rec.scenario, rec.settings);
        std::vector<int> schedule;
        for (const auto& step : rec.steps)
            schedule.push_back(step.thread);
        return m_controller->replay(schedule);
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
