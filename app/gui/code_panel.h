// SPDX-License-Identifier: MIT
// Each actor's pseudo-kernel lines, with the line every thread runs next highlighted, the
// kernel function/file/notes of the hovered or selected line with a link to its source at the
// release the settings stand for, and the last step's refcount delta.
#pragma once

#include "core/simulator.h"

#include <QWidget>

#include <array>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace msb::app {

class CodePanel : public QWidget
{
    Q_OBJECT

public:
    explicit CodePanel(QWidget* parent = nullptr);

    void showState(const core::Simulator& simulator);
    /*! The thread names shown on a step's line ("T1 T2"), empty if no thread is there. */
    QString threadsAt(core::StepId id) const;
    QString detailText() const;
    QString lastStepText() const;
    QTreeWidget* tree() const { return m_tree; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void showDetail(QTreeWidgetItem* item);

    QTreeWidget* m_tree;
    QLabel* m_detail;
    QLabel* m_lastStep;
    std::array<QTreeWidgetItem*, size_t(core::StepId::Count)> m_items {};
    core::Settings m_settings {}; // the release the source links open (core::sourceLink)
};

} // namespace msb::app
