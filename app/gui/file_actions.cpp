// SPDX-License-Identifier: MIT
#include "app/gui/file_actions.h"

#include "app/gui/export/recording_exporter.h"
#include "app/gui/gui_error.h"
#include "app/gui/main_window.h"
#include "app/gui/session_gate.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/translate.h"

#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>

#include <memory>

namespace msb::app {

namespace {

void openAction(MainWindow& window)
{
    const QString path = QFileDialog::getOpenFileName(
        &window, tr("Open scenario or recording"), QString(), tr("Scenarios and recordings (*.json);;All files (*)"));
    if (!path.isEmpty())
        (void)window.gate()->openFile(path); // a failure keeps the session; loadFailed shows why
}

void exportAction(MainWindow& window)
{
    // Frames go into a directory; documents and videos into a file.
    const QStringList filters = {tr("PDF handout (*.pdf)"), tr("MP4 video (*.mp4)"), tr("GIF animation (*.gif)"),
        tr("SVG frames, one per step (directory)"), tr("PNG frames, one per step (directory)")};
    const QStringList formats = {QStringLiteral("pdf"), QStringLiteral("mp4"), QStringLiteral("gif"),
        QStringLiteral("svg"), QStringLiteral("png")};
    QString filter = filters.front();
    QString path = QFileDialog::getSaveFileName(
        &window, tr("Export recording"), QString(), filters.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    const QString format = formats[std::max<qsizetype>(0, filters.indexOf(filter))];
    if (format != QStringLiteral("svg") && format != QStringLiteral("png") && !path.endsWith(QLatin1Char('.') + format))
        path += QLatin1Char('.') + format;
    if (const auto exported = window.exportRecording(path, format))
        window.statusBar()->showMessage(tr("Exported to %1").arg(path), 8000);
    else
        QMessageBox::warning(&window, tr("Export failed"), errorText(exported.error()));
}

void saveChartAction(MainWindow& window, const QString& ext)
{
    window.showChartsTab();
    QString path = QFileDialog::getSaveFileName(
        &window, tr("Save chart"), QString(), QStringLiteral("%1 (*.%2)").arg(ext.toUpper(), ext));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1Char('.') + ext))
        path += QLatin1Char('.') + ext;
    if (!window.saveCurrentChart(path))
        QMessageBox::warning(&window, tr("Save failed"), tr("Could not write %1").arg(path));
}

} // namespace

void addFileMenu(MainWindow& window)
{
    MainWindow* w = &window;
    auto* file = window.menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open scenario or recording…"), QKeySequence::Open, w, [w] { openAction(*w); });
    file->addAction(tr("Save &recording…"), QKeySequence::Save, w, [w] { saveRecordingInteractively(*w); });
    file->addAction(tr("&Export recording…"), w, [w] { exportAction(*w); });
    auto* saveChart = file->addMenu(tr("Save &chart as"));
    for (const QString& ext : {QStringLiteral("png"), QStringLiteral("svg")})
        saveChart->addAction(ext.toUpper() + QStringLiteral("…"), w, [w, ext] { saveChartAction(*w, ext); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, w, &QWidget::close);
}

bool saveRecordingInteractively(MainWindow& window)
{
    QString path =
        QFileDialog::getSaveFileName(&window, tr("Save recording"), QString(), tr("Recordings (*.msrec.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".msrec.json")))
        path += QStringLiteral(".msrec.json");
    const auto saved = window.saveRecording(path);
    if (saved)
        return true;
    QMessageBox::warning(&window, tr("Save failed"), errorText(saved.error()));
    return false;
}

core::Result<void> exportRecordingTo(
    const core::Recording& recording, const QString& path, const QString& format, QWidget* progressParent)
{
    RecordingExporter::Format parsed {};
    if (!RecordingExporter::parseFormat(format, &parsed))
        return guiError(tr("unknown export format \"%1\"").arg(format));
    RecordingExporter exporter(recording);
    std::unique_ptr<QProgressDialog> progress;
    if (progressParent && progressParent->isVisible()) {
        progress = std::make_unique<QProgressDialog>(tr("Exporting…"), QString(), 0, 0, progressParent);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(300);
        exporter.setProgress([&progress](int done, int total) {
            progress->setMaximum(total);
            progress->setValue(done);
        });
    }
    return exporter.write(parsed, path);
}

} // namespace msb::app
