// SPDX-License-Identifier: MIT
#include "app/gui/view_menu.h"

#include "app/gui/main_window.h"
#include "app/gui/translate.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>

namespace msb::app {

void addViewMenu(MainWindow& window)
{
    MainWindow* w = &window;
    auto* view = window.menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, w, [w] { w->setZoom(w->zoom() * 1.15); });
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, w, [w] { w->setZoom(w->zoom() / 1.15); });
    view->addAction(tr("&Reset zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), w, [w] { w->setZoom(1.0); });
    view->addSeparator();
    auto* themeMenu = view->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(w);
    for (const auto& [theme, label] : themeLabels()) {
        auto* action = themeMenu->addAction(label, w, [w, theme = theme] { w->setTheme(theme); });
        action->setCheckable(true);
        action->setChecked(theme == Theme::System);
        themes->addAction(action);
    }
    // A theme set elsewhere (the command line) is the one ticked.
    QObject::connect(w->appearance(), &Appearance::paletteApplied, themes, [w, themes] {
        const auto& labels = themeLabels();
        for (size_t i = 0; i < labels.size(); ++i)
            themes->actions().at(qsizetype(i))->setChecked(labels[i].first == w->theme());
    });
    auto* reduce = view->addAction(tr("Reduce &motion"));
    reduce->setCheckable(true);
    QObject::connect(reduce, &QAction::toggled, w, &MainWindow::setReduceMotion);
    auto* fade = view->addAction(QObject::tr("&Fade steps that do not matter"));
    fade->setCheckable(true);
    fade->setChecked(w->fadesNonCausalSteps());
    fade->setToolTip(QObject::tr("When the run shows an outcome, fade the steps outside its causal slice in the "
                                 "History, the lanes and the exports"));
    QObject::connect(fade, &QAction::toggled, w, &MainWindow::setFadeNonCausalSteps);
    view->addSeparator();
    // The tab bar stays out of the Tab chain (the arrow keys step); these keys raise the tabs.
    const QStringList tabs = {tr("&Code"), tr("&History"), tr("&Explore"), tr("C&harts")};
    for (int i = 0; i < tabs.size(); ++i) {
        view->addAction(tr("%1 tab").arg(tabs[i]), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)), w, [w, i] {
            w->buildPanels();
            w->panelTabs()->setCurrentIndex(i);
        });
    }
}

} // namespace msb::app
