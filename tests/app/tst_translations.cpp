// SPDX-License-Identifier: MIT
// The app can be translated: under a pseudo translation (every message "[!! source !!]", made at
// build time from what lupdate finds in the sources) every text the main window, its panels, menus
// and dialogs show carries the brackets, so none bypasses tr(). The German translation covers every
// message and is picked by --lang de and by the system locale.
#include "app/gui/app_translator.h"
#include "app/gui/charts/charts_panel.h"
#include "app/gui/classroom_dialog.h"
#include "app/gui/classroom_integration.h"
#include "app/gui/explore_panel.h"
#include "app/gui/gui_error.h"
#include "app/gui/kernel_diff_dialog.h"
#include "app/gui/lesson_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/scenario_editor_dialog.h"
#include "app/gui/settings_panel.h"
#include "core/lesson.h"
#include "core/scenario.h"
#include "core/settings.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSeries>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QXmlStreamReader>

#include <set>

using namespace msb;

namespace {

/// Texts that are the same in every language: numbers, thread, page and PTE names (T1, D0, X0),
/// kernel identifiers (page_count, PG_locked, -EAGAIN, SIGBUS), preset names (v5.11) and file names.
bool languageNeutral(const QString& text)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>|&[a-z]+;"));
    static const QRegularExpression word(QStringLiteral("[\\w.\\-+]+"));
    static const QRegularExpression neutral(QStringLiteral(
        "^(?:[-+]?[0-9][0-9.,]*%?|[TDXSMWHF][0-9]*|[A-Z][0-9]+[a-z0-9.\\-]*|[\\w\\-]*_[\\w.\\-]*|v[0-9][\\w.\\-+]*"
        "|[A-Z][A-Z0-9_]+|-E[A-Z]+|[a-z0-9]+(?:-[a-z0-9]+)+|[\\w\\-]+\\.(?:json|png|svg|pdf|csv|ini|md)|x[0-9]+)$"));
    QString plain = text;
    plain.remove(tag);
    for (auto it = word.globalMatch(plain); it.hasNext();) {
        if (!neutral.match(it.next().captured()).hasMatch())
            return false;
    }
    return true;
}

/// Texts the window shows as the core gives them, English this round: the knobs' and presets' names
/// and explanations (core/settings.h). Taken from the core itself, so a GUI literal cannot hide here.
const QSet<QString>& coreTexts()
{
    static const QSet<QString> texts = [] {
        QSet<QString> out {QStringLiteral("custom")}; // core::presetNameFor() of settings no preset has
        auto add = [&out](std::string_view s) { out.insert(QString::fromUtf8(s.data(), qsizetype(s.size()))); };
        for (const core::Knob& knob : core::knobs()) {
            add(knob.key);
            add(knob.title);
            add(knob.explanation);
            for (const core::KnobValue& value : knob.values) {
                add(value.name);
                add(value.explanation);
            }
        }
        for (const core::Preset& preset : core::presets()) {
            add(preset.name);
            add(preset.summary);
        }
        // The lessons' own text is translated in assets/lessons, not by tr().
        for (const std::string& name : core::builtinLessonNames()) {
            if (auto lesson = core::loadBuiltinLesson(name))
                add(lesson.value().title);
        }
        return out;
    }();
    return texts;
}

bool translated(const QString& text)
{
    return text.trimmed().isEmpty() || text.contains(QStringLiteral("[!!")) || languageNeutral(text)
        || coreTexts().contains(text);
}

QString describe(const QObject* o)
{
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(o->metaObject()->className()), o->objectName());
}

/// What `root` and everything under it show that is not pseudo-translated, as "widget: what 'text'".
class Walker
{
public:
    void check(const QObject* where, const char* what, const QString& text)
    {
        if (!translated(text))
            problems << QStringLiteral("%1: %2 '%3'").arg(describe(where), QString::fromLatin1(what), text);
    }

    void walkAction(const QAction* action)
    {
        if (action->isSeparator() || !seenActions.insert(action).second)
            return;
        check(action, "text", action->text());
        check(action, "toolTip", action->toolTip());
        check(action, "statusTip", action->statusTip());
        if (action->menu())
            walk(action->menu());
    }

    void walkModel(const QObject* where, const QAbstractItemModel* model)
    {
        if (!model)
            return;
        for (const Qt::Orientation orientation : {Qt::Horizontal, Qt::Vertical}) {
            const int count = orientation == Qt::Horizontal ? model->columnCount() : model->rowCount();
            for (int section = 0; section < count; ++section) {
                for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                    check(where, "headerData", model->headerData(section, orientation, role).toString());
            }
        }
    }

    void walkWidget(QWidget* w)
    {
        // A dialog button box's standard buttons (Close, Cancel) speak Qt's translation too.
        if (auto* box = qobject_cast<QDialogButtonBox*>(w->parentWidget());
            box && box->standardButton(qobject_cast<QAbstractButton*>(w)) != QDialogButtonBox::NoButton)
            return;
        // Qt's own parts (a tab bar's scroll buttons) speak Qt's translation, qtbase_*.qm.
        if (w->objectName().startsWith(QStringLiteral("qt_")) || w->objectName().startsWith(QStringLiteral("Scroll")))
            return;
        if (w->isWindow() || qobject_cast<QDockWidget*>(w))
            check(w, "windowTitle", w->windowTitle());
        check(w, "toolTip", w->toolTip());
        check(w, "whatsThis", w->whatsThis());
        check(w, "accessibleName", w->accessibleName());
        check(w, "accessibleDescription", w->accessibleDescription());
        if (auto* label = qobject_cast<QLabel*>(w))
            check(w, "text", label->text());
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            check(w, "text", button->text());
        if (auto* box = qobject_cast<QGroupBox*>(w))
            check(w, "title", box->title());
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            check(w, "placeholderText", edit->placeholderText());
        if (auto* edit = qobject_cast<QPlainTextEdit*>(w))
            check(w, "placeholderText", edit->placeholderText());
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(w))
            check(w, "specialValueText", spin->specialValueText());
        if (auto* spin = qobject_cast<QSpinBox*>(w)) {
            check(w, "prefix", spin->prefix());
            check(w, "suffix", spin->suffix());
        }
        if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                check(w, "item", combo->itemText(i));
        }
        if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                check(w, "tabText", tabs->tabText(i));
                check(w, "tabToolTip", tabs->tabToolTip(i));
            }
        }
        if (auto* menu = qobject_cast<QMenu*>(w))
            check(w, "title", menu->title());
        if (auto* view = qobject_cast<QAbstractItemView*>(w))
            walkModel(w, view->model());
        if (auto* chartView = qobject_cast<QChartView*>(w)) {
            const QChart* chart = chartView->chart();
            check(w, "chart title", chart->title());
            for (const QAbstractAxis* axis : chart->axes())
                check(w, "axis title", axis->titleText());
            for (const QAbstractSeries* series : chart->series())
                check(w, "series name", series->name());
        }
        for (const QAction* action : w->actions())
            walkAction(action);
    }

    void walk(QWidget* root)
    {
        if (!seenWidgets.insert(root).second)
            return;
        walkWidget(root);
        for (QWidget* w : root->findChildren<QWidget*>()) {
            if (seenWidgets.insert(w).second)
                walkWidget(w);
        }
    }

    QStringList problems;

private:
    std::set<const QAction*> seenActions;
    std::set<const QWidget*> seenWidgets;
};

/// (context, source) of every message in a .ts file, with whether its translation is finished.
QHash<QString, bool> tsMessages(const QString& path)
{
    QHash<QString, bool> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QStringLiteral("name"))
            context = xml.readElementText();
        else if (xml.name() == QStringLiteral("source"))
            source = xml.readElementText();
        else if (xml.name() == QStringLiteral("translation")) {
            const bool unfinished = xml.attributes().hasAttribute(QStringLiteral("type"));
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out.insert(context + QStringLiteral(" | ") + source, !unfinished && !text.trimmed().isEmpty());
        }
    }
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        for (QTranslator* t : m_installed) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        m_installed.clear();
        QLocale::setDefault(QLocale::c());
    }

    /// Every text on screen went through tr(): under the pseudo translation it carries "[!! … !!]".
    void everyTextIsTranslatable()
    {
        auto* pseudo = new QTranslator;
        QVERIFY2(pseudo->load(QStringLiteral(MSB_PSEUDO_QM)), MSB_PSEUDO_QM);
        QCoreApplication::installTranslator(pseudo);
        m_installed << pseudo;

        QTemporaryDir dir;
        app::MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Every panel and the deferred dialogs, with the knobs shown and a lesson open.
        window.settingsPanel()->advancedButton()->setChecked(true);
        window.chartsPanel();
        const app::ClassroomAndLessons classroom = window.classroom();
        QVERIFY(classroom.lessons && classroom.bridge);
        classroom.lessons->setSettingsFile(dir.filePath(QStringLiteral("progress.ini")));
        QCOMPARE(app::errorText(classroom.lessons->openBuiltin(QStringLiteral("livelock"))), QString());
        app::KernelDiffDialog* compare = window.kernelDiffDialog();
        compare->show();
        app::ClassroomDialog host(classroom.bridge, app::ClassroomDialog::Role::Host);
        app::ClassroomDialog join(classroom.bridge, app::ClassroomDialog::Role::Join);
        app::ScenarioEditorDialog editor(core::makeNFaults(2, 1));
        for (QWidget* w : {static_cast<QWidget*>(&host), static_cast<QWidget*>(&join), static_cast<QWidget*>(&editor)})
            w->show();
        QTest::qWait(50);

        Walker walker;
        walker.walk(&window);
        for (QMenu* menu : window.menuBar()->findChildren<QMenu*>())
            walker.walk(menu);
        walker.walk(compare);
        walker.walk(&host);
        walker.walk(&join);
        walker.walk(&editor);
        walker.problems.removeDuplicates();
        for (const QString& problem : walker.problems)
            qWarning("bypasses tr(): %s", qPrintable(problem));
        QVERIFY2(walker.problems.isEmpty(),
            qPrintable(QStringLiteral("%1 texts bypass tr():\n  ").arg(walker.problems.size())
                + walker.problems.join(QStringLiteral("\n  "))));
    }

    /// The test above can fail: a text set without tr() is reported.
    void aBareTextIsCaught()
    {
        QPushButton button;
        button.setText(QStringLiteral("Step"));
        Walker walker;
        walker.walk(&button);
        QCOMPARE(walker.problems.size(), 1);
        button.setText(QStringLiteral("[!! Step !!]"));
        Walker again;
        again.walk(&button);
        QVERIFY(again.problems.isEmpty());
        QVERIFY(languageNeutral(QStringLiteral("page_count(D0) = 3, PG_locked, T1, X0, v5.11, -EAGAIN")));
        QVERIFY(!languageNeutral(QStringLiteral("Step T1")));
    }

    /// The German .ts holds every message lupdate finds in today's sources, each one translated.
    void germanCoversEverySource()
    {
        const QHash<QString, bool> sources = tsMessages(QStringLiteral(MSB_SOURCE_TS));
        const QHash<QString, bool> german = tsMessages(QStringLiteral(MSB_GERMAN_TS));
        QVERIFY(sources.size() > 100);
        QStringList missing;
        for (auto it = sources.cbegin(); it != sources.cend(); ++it) {
            if (!german.value(it.key(), false))
                missing << it.key();
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("%1 messages without a German translation (run the update_translations "
                                      "target and translate them):\n  ")
                           .arg(missing.size())
                + missing.join(QStringLiteral("\n  "))));
    }

    /// --lang de: the window speaks German.
    void germanWindow()
    {
        QVERIFY(app::installTranslators(*QCoreApplication::instance(), app::uiLocale(QStringLiteral("de"))));
        rememberInstalled();
        checkGermanWindow();
    }

    /// LANG=de_DE.UTF-8 without --lang: the system locale picks German (the ctest entry
    /// tst_translations_system_de runs this with that environment).
    void systemLocaleGerman()
    {
        if (!qEnvironmentVariable("LANG").startsWith(QStringLiteral("de")))
            QSKIP("run with LANG=de_DE.UTF-8 (ctest: tst_translations_system_de)");
        QCOMPARE(app::uiLocale(QString()).language(), QLocale::German);
        QVERIFY(app::installTranslators(*QCoreApplication::instance(), app::uiLocale(QString())));
        rememberInstalled();
        checkGermanWindow();
    }

private:
    void rememberInstalled()
    {
        // installTranslators parents its translators to the application; take them back here.
        for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {
            t->setParent(nullptr);
            m_installed << t;
        }
    }

    static void checkGermanWindow()
    {
        app::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList menus;
        for (const QAction* action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char(' '))));
        QVERIFY2(menus.contains(QStringLiteral("&Ansicht")), qPrintable(menus.join(QLatin1Char(' '))));
        window.explorePanel(); // builds the deferred panels
        QTabWidget* tabs = window.panelTabs();
        QStringList tabTexts;
        for (int i = 0; i < tabs->count(); ++i)
            tabTexts << tabs->tabText(i);
        QVERIFY2(tabTexts.contains(QStringLiteral("Verlauf")), qPrintable(tabTexts.join(QLatin1Char(' '))));
        QStringList buttons;
        for (const QPushButton* b : window.explorePanel()->findChildren<QPushButton*>())
            buttons << b->text();
        QVERIFY2(buttons.contains(QStringLiteral("Abbrechen")), qPrintable(buttons.join(QLatin1Char('|'))));
    }

    QList<QTranslator*> m_installed;
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
