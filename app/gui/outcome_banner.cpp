// SPDX-License-Identifier: MIT
#include "app/gui/outcome_banner.h"

#include "app/gui/outcome_presentation.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace msb::app {

OutcomeBanner::OutcomeBanner(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("outcomeBanner"));
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    updateTitleFont();
    m_title->setWordWrap(true);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
}

QString OutcomeBanner::title() const
{
    return m_title->text();
}

QString OutcomeBanner::text() const
{
    return m_text->text();
}

void OutcomeBanner::updateTitleFont()
{
    QFont big = font();
    big.setBold(true);
    if (big.pointSizeF() > 0)
        big.setPointSizeF(big.pointSizeF() * 1.25);
    m_title->setFont(big);
}

void OutcomeBanner::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        updateTitleFont();
    QFrame::changeEvent(event);
}

void OutcomeBanner::showOutcome(const OutcomeDescription& outcome, const QString& hint)
{
    m_outcome = outcome.outcome;
    // Fixed tints readable in light and dark themes: the text colour is set with them.
    QColor background = outcomeTint(outcome.outcome);
    QColor foreground = tintTextColour();
    if (!background.isValid()) {
        // The application palette, not ours: ours catches up with a theme switch only later.
        background = QApplication::palette().color(QPalette::AlternateBase);
        foreground = QApplication::palette().color(QPalette::Text);
    }
    // A palette, not a style sheet: style sheets would pin the labels' fonts against presenter zoom.
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, foreground);
    setPalette(p);
    if (outcome.outcome == core::Outcome::Running) {
        m_title->setText(tr("Running: no outcome yet"));
        m_text->setText(hint);
    } else {
        m_title->setText(outcome.title);
        m_text->setText(outcome.text);
    }
}

} // namespace msb::app
