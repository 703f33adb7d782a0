// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"

#include "app/gui/charts/charts_panel.h"
#include "app/gui/control_column.h"
#include "app/gui/explore_panel.h"
#include "app/gui/file_actions.h"
#include "app/gui/find_state_box.h"
#include "app/gui/idle_hint.h"
#include "app/gui/kernel_diff_dialog.h"
#include "app/gui/outcome.h"
#include "app/gui/outcome_banner.h"
#include "app/gui/panel_tabs.h"
#include "app/gui/run_actions.h"
#include "app/gui/scenario_editor_dialog.h"
#include "app/gui/session_gate.h"
#include "app/gui/settings_panel.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/view_menu.h"
#include "core/builtin_scenarios.h"
#include "core/recording.h"
#include "scenes/race_scene.h"
#include "scenes/race_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace msb::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_controller(new SimulationController(this))
    , m_gate(new SessionGate(m_controller, this))
    , m_appearance(new Appearance(this))
    , m_runActions(new RunActions(m_gate, this))
    , m_scene(new scenes::RaceScene(this))
    , m_view(new scenes::RaceView(m_scene, this))
    , m_banner(new OutcomeBanner(this))
    , m_leftHost(new QWidget(this))
    , m_split(new QSplitter(Qt::Horizontal, this))
    , m_tabs(new PanelTabs(m_gate, this))
{
    // The first frame is this skeleton: banner, scene and empty slots. Everything else is built
    // by buildPanels() right after the first paint (see the header).
    setWindowTitle(tr("Migration Sandbox"));
    buildMenus();

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);

    auto* centerSplit = new QSplitter(Qt::Vertical, this);
    centerSplit->addWidget(m_view);
    m_view->setAccessibleName(tr("Race scene"));
    centerSplit->addWidget(m_tabs);
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

    // A chip clicked in the scene is a user's step like any other: through the gate.
    connect(m_scene, &scenes::RaceScene::threadActivated, m_gate, [this](int thread) { (void)m_gate->step(thread); });
    connect(
        m_gate, &SessionGate::refused, this, [this](const QString& reason) { statusBar()->showMessage(reason, 8000); });
    connect(m_gate, &SessionGate::changed, this, &MainWindow::showBanner);
    connect(m_controller, &SimulationController::stateChanged, this, &MainWindow::showRun);
    // The scene builds its items for a scenario and settings once, not at every state.
    m_scene->setModel(m_controller->model());
    connect(m_controller, &SimulationController::settingsChanged, this, [this](const core::Settings& settings) {
        m_scene->setModel(m_controller->model());
        statusBar()->showMessage(tr("Settings changed: the same schedule was replayed under %1.")
                                     .arg(QString::fromUtf8(core::presetNameFor(settings).data())),
            6000);
    });
    connect(m_controller, &SimulationController::scenarioChanged, this, [this](const core::Model& model) {
        m_scene->setModel(model);
        // What a file brought is saved; what is typed from here on is not.
        markNarrationSaved();
        // Qt appends the application display name ("— Migration Sandbox") itself.
        setWindowTitle(QString::fromStdString(model.scenario().name));
    });
    connect(m_controller, &SimulationController::loadFailed, this, [this](const QString& message) {
        statusBar()->showMessage(message, 10000);
        if (isVisible()) {
            // Non-modal, so a failed load never blocks a test or a headless run.
            auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not load"), message, QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });

    connect(m_appearance, &Appearance::paletteApplied, this, [this] {
        applyPaletteToChildren();
        refresh();
    });
    connect(m_appearance, &Appearance::fontApplied, this, [this] {
        for (QWidget* w : {static_cast<QWidget*>(m_banner), static_cast<QWidget*>(m_tabs)})
            w->updateGeometry();
        // The new font reaches the widgets through events; measure the column after them.
        QTimer::singleShot(0, this, &MainWindow::fitLeftColumn);
    });

    setWindowTitle(QString::fromStdString(m_controller->scenario().name));
    applyPaletteToChildren();
    refresh();
    resize(1280, 800);
    // Lessons and the classroom: their menus, the lesson dock and the follow bar (setClassroom()).
    installClassroomAndLessons(*this);
    // The first paint of the scene's viewport queues the rest of the window.
    m_view->viewport()->installEventFilter(this);
}

MainWindow::~MainWindow() = default;

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

ThreadButtonsWidget* MainWindow::threadButtons() const
{
    return controlColumn()->threadButtons();
}

SettingsPanel* MainWindow::settingsPanel() const
{
    return controlColumn()->settingsPanel();
}

QSlider* MainWindow::timelineSlider() const
{
    return controlColumn()->timelineSlider();
}

QPlainTextEdit* MainWindow::narrationEdit() const
{
    return controlColumn()->narrationEdit();
}

CodePanel* MainWindow::codePanel() const
{
    return built()->m_tabs->codePanel();
}

HistoryModel* MainWindow::historyModel() const
{
    return built()->m_tabs->historyModel();
}

QListView* MainWindow::historyView() const
{
    return built()->m_tabs->historyView();
}

ExplorePanel* MainWindow::explorePanel() const
{
    return built()->m_tabs->explorePanel();
}

QTabWidget* MainWindow::panelTabs() const
{
    return m_tabs;
}

bool MainWindow::hasCharts() const
{
    return m_tabs->hasCharts();
}

void MainWindow::buildPanels()
{
    if (m_built)
        return;
    m_built = true;
    m_runActions->loadIcons();
    m_column = new ControlColumn(
        m_gate, {m_runActions->back(), m_runActions->play(), m_runActions->forward(), m_runActions->reset()}, this);
    m_leftHost->layout()->addWidget(m_column);
    fitLeftColumn();
    m_tabs->build();
    m_tabs->setCausality(m_causality.causal, m_causality.deciding);
    m_column->setProspects(m_tabs->runProspects());
    // A refused load is reported by the gate (refused()) or the controller (loadFailed()).
    connect(explorePanel(), &ExplorePanel::counterexampleRequested, this,
        [this](const core::Settings& settings, const std::vector<int>& schedule, int) {
            if (!m_gate->loadRun(settings, schedule))
                return;
            statusBar()->showMessage(
                tr("Counterexample loaded (%1 steps). Step on from here to branch off.").arg(schedule.size()), 8000);
        });
    connect(explorePanel()->findBox(), &FindStateBox::loadRequested, this, [this](const std::vector<int>& schedule) {
        if (!m_gate->loadRun(m_controller->settings(), schedule))
            return;
        statusBar()->showMessage(
            tr("Found state loaded (%1 steps). Step on from here to branch off.").arg(schedule.size()), 8000);
    });
    connect(explorePanel(), &ExplorePanel::compareKernelsRequested, this, &MainWindow::compareKernels);
    m_tabs->setHistoryPalette(QApplication::palette());
    if (zoom() != 1.0)
        QTimer::singleShot(0, this, &MainWindow::fitLeftColumn);
    Q_EMIT fullyBuilt();
}

ChartsPanel* MainWindow::chartsPanel()
{
    buildPanels();
    return m_tabs->chartsPanel();
}

void MainWindow::buildMenus()
{
    addFileMenu(*this);

    auto* scenario = menuBar()->addMenu(tr("&Scenario"));
    for (const auto& name : core::builtinScenarioNames()) {
        const QString qname = QString::fromStdString(name);
        scenario->addAction(qname, this, [this, qname] { (void)m_gate->loadBuiltin(qname); });
    }
    scenario->addSeparator();
    scenario->addAction(tr("&Edit scenario…"), this, &MainWindow::editScenario);
    scenario->addAction(tr("E&xplore every interleaving"), this, &MainWindow::exploreCurrent);
    scenario->addAction(tr("&Compare two kernels…"), this, &MainWindow::compareKernels);

    auto* run = menuBar()->addMenu(tr("&Run"));
    m_runActions->addTo(run);
    run->addSeparator();
    auto* find = run->addAction(tr("&Find a state…"), this, &MainWindow::focusFindState);
    find->setShortcut(QKeySequence::Find);
    find->setToolTip(tr("Search every state of the scenario for the nearest one where an expression holds"));

    addViewMenu(*this);
}

void MainWindow::fitLeftColumn()
{
    if (!m_column)
        return;
    const int width = m_column->fittingWidth();
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
    buildPanels();
    m_tabs->showExplore();
}

void MainWindow::showChartsTab()
{
    buildPanels();
    m_tabs->showCharts();
}

void MainWindow::exploreCurrent()
{
    showExploreTab();
    explorePanel()->start(m_controller->scenario());
}

void MainWindow::focusFindState()
{
    showExploreTab();
    QComboBox* field = explorePanel()->findBox()->expressionBox();
    field->setFocus(Qt::ShortcutFocusReason);
    field->lineEdit()->selectAll();
}

void MainWindow::findState(const QString& text)
{
    showExploreTab();
    FindStateBox* box = explorePanel()->findBox();
    box->setExpression(text);
    // Once, for this search only: a later Find leaves the run where it is until Load.
    auto loadOnce = std::make_shared<QMetaObject::Connection>();
    *loadOnce = connect(box, &FindStateBox::searchFinished, this, [box, loadOnce] {
        QObject::disconnect(*loadOnce);
        box->load();
    });
    box->find();
}

KernelDiffDialog* MainWindow::kernelDiffDialog()
{
    if (m_diffDialog)
        return m_diffDialog;
    m_diffDialog = new KernelDiffDialog(m_controller, this);
    m_diffDialog->applyPalette(theme() == Theme::HighContrast);
    connect(m_diffDialog, &KernelDiffDialog::openSideRequested, this,
        [this](const core::Settings& settings, const std::vector<int>& schedule, int position) {
            if (!m_gate->loadRun(settings, schedule, position))
                return;
            statusBar()->showMessage(tr("Side loaded under %1 (%2 steps). Step on from here to branch off.")
                                         .arg(QString::fromUtf8(core::presetNameFor(settings).data()))
                                         .arg(schedule.size()),
                8000);
        });
    return m_diffDialog;
}

void MainWindow::compareKernels()
{
    KernelDiffDialog* dialog = kernelDiffDialog();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

core::Result<void> MainWindow::saveRecording(const QString& path)
{
    auto saved = core::saveRecordingFile(m_controller->recording(), path.toStdString());
    if (!saved)
        return saved.error();
    markNarrationSaved();
    return {};
}

core::Result<void> MainWindow::exportRecording(const QString& path, const QString& format)
{
    return exportRecordingTo(m_controller->recording(), path, format, this);
}

bool MainWindow::saveCurrentChart(const QString& path)
{
    buildPanels();
    return m_tabs->saveCurrentChart(path);
}

void MainWindow::setReadOnly(bool on, const QString& reason)
{
    m_gate->setReadOnly(on, reason);
}

bool MainWindow::isReadOnly() const
{
    return m_gate->isReadOnly();
}

QString MainWindow::readOnlyReason() const
{
    return m_gate->readOnlyReason();
}

void MainWindow::setForwardLimit(int position, const QString& reason)
{
    m_gate->setForwardLimit(position, reason);
}

int MainWindow::forwardLimit() const
{
    return m_gate->forwardLimit();
}

void MainWindow::showBanner()
{
    // A student's lock says why in the banner, in place of the idle hint.
    const QString hint = m_gate->isReadOnly() && !m_gate->readOnlyReason().isEmpty()
        ? m_gate->readOnlyReason()
        : idleHint(m_controller->scenario(), m_controller->position());
    m_banner->showOutcome(describeOutcome(m_controller->simulator()), hint);
}

void MainWindow::showRun(const SessionSnapshot& snapshot)
{
    const core::Simulator& sim = *snapshot.simulator;
    showBanner();
    m_causality = m_fadeNonCausal ? core::runCausality(sim) : core::RunCausality {};
    m_scene->setStepTrail(sim.history(), snapshot.position, m_causality.causal, m_causality.deciding);
    // One step forward animates; every other change (a jump, a load, new settings) is shown at once.
    m_scene->showState(*snapshot.state, snapshot.lastStep, snapshot.steppedForward && !m_reduceMotion);
    m_tabs->setCausality(m_causality.causal, m_causality.deciding);
}

void MainWindow::refresh()
{
    showRun(m_controller->snapshot());
}

void MainWindow::setZoom(double zoom)
{
    m_appearance->setZoom(zoom);
    m_view->setZoom(m_appearance->zoom());
}

void MainWindow::setTheme(Theme theme)
{
    m_appearance->setTheme(theme);
}

void MainWindow::setReduceMotion(bool reduce)
{
    m_reduceMotion = reduce;
    m_scene->setReduceMotion(reduce);
}

void MainWindow::setFadeNonCausalSteps(bool on)
{
    if (m_fadeNonCausal == on)
        return;
    m_fadeNonCausal = on;
    refresh();
}

void MainWindow::changeEvent(QEvent* event)
{
    // The desktop's own palette changes arrive here (setTheme's through the Appearance).
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
    m_scene->setHighContrast(theme() == Theme::HighContrast);
    m_scene->setPalette(QApplication::palette());
    m_tabs->setHistoryPalette(QApplication::palette());
    if (m_diffDialog)
        m_diffDialog->applyPalette(theme() == Theme::HighContrast);
    m_applyingPalette = false;
}

void MainWindow::editScenario()
{
    ScenarioEditorDialog dialog(m_controller->scenario(), this);
    if (dialog.exec() == QDialog::Accepted)
        (void)m_gate->loadScenario(dialog.scenario());
}

bool MainWindow::hasUnsavedNarration() const
{
    return m_controller->narrations() != m_savedNarration;
}

void MainWindow::markNarrationSaved()
{
    m_savedNarration = m_controller->narrations();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!hasUnsavedNarration()) {
        QMainWindow::closeEvent(event);
        return;
    }
    const auto answer = QMessageBox::question(this, tr("Unsaved narration"),
        tr("The narration you typed is not saved in a recording. Save it before closing?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel) {
        event->ignore();
        return;
    }
    if (answer == QMessageBox::Save) {
        // Closing goes on only if the narration got saved.
        saveRecordingInteractively(*this);
        if (hasUnsavedNarration()) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

} // namespace msb::app
