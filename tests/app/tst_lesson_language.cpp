// SPDX-License-Identifier: MIT
// The lessons open in the GUI's language: QLocale() (which a --lang option sets as the default),
// German where a translation exists, English otherwise.
#include "app/gui/gui_error.h"
#include "app/gui/lesson_language.h"
#include "app/gui/lesson_panel.h"
#include "app/gui/simulation_controller.h"
#include "core/lesson.h"

#include <QLabel>
#include <QLocale>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace msb;

class TestLessonLanguage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QLocale m_before;

    /// The panel's title and narration after opening the built-in lesson name.
    std::pair<QString, QString> openedText(const QString& name)
    {
        app::SimulationController controller;
        app::LessonPanel panel(&controller);
        panel.setSettingsFile(m_dir.filePath(QStringLiteral("progress-%1.ini").arg(name)));
        const QString error = app::errorText(panel.openBuiltin(name));
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        return {panel.titleLabel()->text(), panel.narrationView()->toPlainText()};
    }

private Q_SLOTS:
    void cleanup() { QLocale::setDefault(m_before); }

    void germanLocaleOpensTheGermanLesson()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(app::lessonLanguage(), std::string("de"));
        const core::Lesson german = core::loadBuiltinLesson("livelock", "de").value();
        const core::Lesson english = core::loadBuiltinLesson("livelock").value();
        const auto [title, narration] = openedText(QStringLiteral("livelock"));
        QCOMPARE(title, QString::fromStdString(german.title));
        QVERIFY(title != QString::fromStdString(english.title));
        QVERIFY2(narration.contains(QString::fromStdString(german.pages[0].narration)), qPrintable(narration));
        QVERIFY(narration.contains(QStringLiteral("Migrationseintrag")));
    }

    void englishLocaleOpensTheEnglishLesson()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(app::lessonLanguage(), std::string("en"));
        const auto [title, narration] = openedText(QStringLiteral("livelock"));
        const core::Lesson english = core::loadBuiltinLesson("livelock").value();
        QCOMPARE(title, QString::fromStdString(english.title));
        QVERIFY(narration.contains(QString::fromStdString(english.pages[0].narration)));
    }

    void untranslatedLanguageFallsBackToEnglish()
    {
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        QCOMPARE(app::lessonLanguage(), std::string("ja"));
        const auto [title, narration] = openedText(QStringLiteral("device-private-pages"));
        QCOMPARE(title, QString::fromStdString(core::loadBuiltinLesson("device-private-pages").value().title));
    }
};

QTEST_MAIN(TestLessonLanguage)
#include "tst_lesson_language.moc"
