//! The side panel: tabs, a summary line and the selected tab's list.
//!
//! Entry points: [`render`], [`render_hits_popup`] (the names matching a
//! search, when the panel is hidden) and [`tab_at`] (which tab a click on
//! the tab bar hits; `update` and the view share [`tab_labels`] so they agree).

use super::super::app::{App, Search, Tab};
use super::super::screen::{PANEL_HEADER, Panes, panel_inner};
use super::super::wrap::text_width;
use super::{clip, put};
use crate::analysis::{EntityKind, QuoteKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// The tab titles laid out in `width` columns: (tab, first column offset, title).
pub fn tab_labels(width: u16) -> Vec<(Tab, u16, &'static str)> {
    let full: u16 = Tab::ALL
        .iter()
        .map(|t| text_width(t.title()) as u16 + 2)
        .sum();
    let short = |t: Tab| match t {
        Tab::Places => "Places",
        t => t.title(),
    };
    let mut x = 0;
    Tab::ALL
        .iter()
        .map(|&t| {
            let title = if full <= width { t.title() } else { short(t) };
            let at = x;
            x += text_width(title) as u16 + 2;
            (t, at, title)
        })
        .collect()
}

/// The tab under `column` of the tab bar drawn in `inner`.
pub fn tab_at(inner: Rect, column: u16) -> Option<Tab> {
    let dx = column.checked_sub(inner.x)?;
    tab_labels(inner.width)
        .into_iter()
        .rev()
        .find(|(_, at, _)| dx >= *at)
        .map(|(t, _, _)| t)
}

/// Draws the panel.
pub fn render(app: &App, panes: &Panes, buf: &mut Buffer) {
    let Some(panel) = panes.panel else {
        return;
    };
    let theme = app.theme();
    if panes.side_by_side {
        for y in panel.y..panel.bottom() {
            buf.set_stringn(panel.x, y, "│", 1, theme.dim);
        }
    } else {
        let rule = "─".repeat(panel.width as usize);
        buf.set_stringn(panel.x, panel.y, &rule, panel.width as usize, theme.dim);
    }
    let inner = panel_inner(panel, panes.side_by_side);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    // Tabs.
    for (tab, at, title) in tab_labels(inner.width) {
        let style = if tab == app.tab() {
            theme.active_tab
        } else {
            Style::new()
        };
        let label = format!(" {title} ");
        let x = inner.x + at;
        if x < inner.right() {
            buf.set_stringn(x, inner.y, &label, (inner.right() - x) as usize, style);
        }
    }
    let Some(list) = panes.panel_list() else {
        return;
    };
    let summary_y = inner.y + 1;
    if let Search::Prompt {
        query,
        hits,
        cursor,
    } = app.search()
    {
        let head = if hits.is_empty() {
            format!(
                " no name matches “{}”: Enter searches the text",
                clip(query, 30)
            )
        } else {
            format!(" names matching “{}”: {}", clip(query, 30), hits.len())
        };
        put(
            buf,
            inner.x,
            summary_y,
            inner.width,
            &[(&clip(&head, inner.width as usize), theme.dim)],
        );
        draw_hits(app, hits, *cursor, list, buf);
        return;
    }
    if PANEL_HEADER > 1 && summary_y < inner.bottom() {
        let summary = clip(&format!(" {}", summary(app)), inner.width as usize);
        put(
            buf,
            inner.x,
            summary_y,
            inner.width,
            &[(&summary, theme.dim)],
        );
    }
    if app.progress().is_some() {
        let note = clip(" the lists fill in when it is done", list.width as usize);
        if list.height > 0 {
            put(buf, list.x, list.y, list.width, &[(&note, theme.dim)]);
        }
        return;
    }
    let tab = app.tab();
    let len = app.list_len(tab);
    let offset = app.list_offset[tab.index()];
    let ih = tab.item_height() as u16;
    for (i, y) in (offset..len).zip((list.y..list.bottom()).step_by(ih as usize)) {
        let selected = i == app.list_cursor();
        let h = ih.min(list.bottom() - y);
        let area = Rect::new(list.x, y, list.width, h);
        draw_list_row(app, tab, i, area, selected, buf);
    }
}

/// What the list holds and what Enter does, above it.
fn summary(app: &App) -> String {
    if let Some(p) = app.progress() {
        return p.label();
    }
    let n = app.list_len(app.tab());
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match app.tab() {
        Tab::People if n == 0 => "no people found".into(),
        Tab::People => format!(
            "{} · Enter: go · ]: next mention",
            plural(n, "person", "people")
        ),
        Tab::Places if n == 0 => "no places or organisations found".into(),
        Tab::Places => format!(
            "{} · Enter: go · ]: next mention",
            plural(n, "name", "names")
        ),
        Tab::Quotes if n == 0 => "no quotes found".into(),
        Tab::Quotes => format!("{} · Enter: go · ]: next", plural(n, "quote", "quotes")),
        Tab::Topics if n == 0 => "no topics found".into(),
        Tab::Topics => format!("{} · Enter: go · ]: next ¶", plural(n, "topic", "topics")),
    }
}

/// A short tag for a kind in the Places tab.
pub fn kind_tag(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Org => "org",
        EntityKind::Place => "place",
        EntityKind::Group => "group",
        EntityKind::Money => "money",
        EntityKind::Date => "date",
        EntityKind::Quantity => "qty",
    }
}

fn draw_list_row(app: &App, tab: Tab, i: usize, area: Rect, selected: bool, buf: &mut Buffer) {
    let theme = app.theme();
    let a = app.analysis();
    let w = area.width as usize;
    let row_style = if selected {
        theme.selected_row
    } else {
        Style::new()
    };
    buf.set_style(area, row_style);
    let sel = |s: Style| {
        if selected {
            s.patch(theme.selected_row)
        } else {
            s
        }
    };
    match tab {
        Tab::People | Tab::Places => {
            let Some(e) = app
                .entity_list(tab)
                .get(i)
                .and_then(|&id| a.entities.get(id))
            else {
                return;
            };
            let right = if tab == Tab::Places {
                format!(" {:>5} {:>3}", kind_tag(e.kind), e.mentions.len())
            } else {
                format!(" {:>3}", e.mentions.len())
            };
            let rw = text_width(&right).min(w);
            let left_w = w - rw;
            let name = clip(&e.name, left_w.saturating_sub(1));
            let role = e
                .role
                .as_deref()
                .map(|r| {
                    clip(
                        &format!(", {r}"),
                        left_w.saturating_sub(2 + text_width(&name)),
                    )
                })
                .unwrap_or_default();
            put(
                buf,
                area.x,
                area.y,
                left_w as u16,
                &[
                    (" ", row_style),
                    (&name, sel(theme.entity(e.kind))),
                    (&role, sel(theme.dim)),
                ],
            );
            put(
                buf,
                area.right() - rw as u16,
                area.y,
                rw as u16,
                &[(&right, sel(theme.dim))],
            );
        }
        Tab::Quotes => {
            let Some(q) = app.quotes.get(i).and_then(|&qi| a.quotes.get(qi)) else {
                return;
            };
            let speaker = q
                .speaker
                .and_then(|id| a.entities.get(id))
                .map(|e| e.name.clone())
                .or_else(|| q.speaker_name.clone())
                .unwrap_or_else(|| "(unattributed)".into());
            let to = q
                .addressee
                .and_then(|id| a.entities.get(id))
                .map(|e| format!(" → {}", e.name))
                .unwrap_or_default();
            let para = format!(" ¶{} ", q.paragraph + 1);
            let kind = match q.kind {
                QuoteKind::Direct => "",
                QuoteKind::Partial => " (partial)",
                QuoteKind::Unmarked => " (unmarked)",
                QuoteKind::Indirect => " (reported)",
            };
            let who = clip(
                &format!("{speaker}{to}"),
                w.saturating_sub(text_width(&para) + text_width(kind)),
            );
            put(
                buf,
                area.x,
                area.y,
                area.width,
                &[
                    (&para, sel(theme.dim)),
                    (&who, sel(theme.title)),
                    (kind, sel(theme.dim)),
                ],
            );
            if area.height > 1 {
                let words = q.content.of(app.text());
                let shown = match q.kind {
                    QuoteKind::Direct | QuoteKind::Partial => format!("    “{words}”"),
                    QuoteKind::Unmarked | QuoteKind::Indirect => format!("    {words}"),
                };
                let shown = clip(&shown, w);
                put(
                    buf,
                    area.x,
                    area.y + 1,
                    area.width,
                    &[(&shown, sel(theme.quote(q.kind).patch(theme.dim)))],
                );
            }
        }
        Tab::Topics => {
            let Some(t) = a.topics.get(i) else {
                return;
            };
            let max = a.topics.iter().map(|t| t.score).fold(0.0f32, f32::max);
            let frac = if max > 0.0 {
                (t.score / max).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let bar_cells = 6usize;
            let filled = (frac * bar_cells as f32).round() as usize;
            let bar: String = "█".repeat(filled) + &"░".repeat(bar_cells - filled);
            let right = format!(" {bar} {:>3}¶", t.paragraphs.len());
            let rw = text_width(&right).min(w);
            let label = clip(&t.label, w.saturating_sub(rw + 1));
            put(
                buf,
                area.x,
                area.y,
                (w - rw) as u16,
                &[(" ", row_style), (&label, sel(theme.title))],
            );
            put(
                buf,
                area.right() - rw as u16,
                area.y,
                rw as u16,
                &[(&right, sel(theme.dim))],
            );
        }
    }
}

fn draw_hits(app: &App, hits: &[usize], cursor: usize, list: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = app.analysis();
    let skip = cursor.saturating_sub(list.height.saturating_sub(1) as usize);
    for (i, y) in (skip..hits.len()).zip(list.y..list.bottom()) {
        let Some(e) = a.entities.get(hits[i]) else {
            continue;
        };
        let area = Rect::new(list.x, y, list.width, 1);
        let selected = i == cursor;
        let base = if selected {
            theme.selected_row
        } else {
            Style::new()
        };
        buf.set_style(area, base);
        let also = if e.aliases.is_empty() {
            String::new()
        } else {
            format!(" ({})", e.aliases.join(", "))
        };
        let right = format!(" {:>5} {:>3}", kind_tag(e.kind), e.mentions.len());
        let rw = text_width(&right).min(list.width as usize);
        let lw = list.width as usize - rw;
        let name = clip(&e.name, lw.saturating_sub(1));
        let also = clip(&also, lw.saturating_sub(1 + text_width(&name)));
        put(
            buf,
            area.x,
            y,
            lw as u16,
            &[
                (" ", base),
                (&name, theme.entity(e.kind).patch(base)),
                (&also, theme.dim.patch(base)),
            ],
        );
        put(
            buf,
            area.right() - rw as u16,
            y,
            rw as u16,
            &[(&right, theme.dim.patch(base))],
        );
    }
}

/// The names matching a search, in a box above the status line (when the
/// panel is hidden).
pub fn render_hits_popup(app: &App, panes: &Panes, buf: &mut Buffer) {
    let Search::Prompt { hits, cursor, .. } = app.search() else {
        return;
    };
    if hits.is_empty() {
        return;
    }
    let art = panes.article;
    let h = (hits.len() as u16).min(8).min(art.height.saturating_sub(2)) + 1;
    let w = art.width;
    if h < 2 || w < 10 {
        return;
    }
    let area = Rect::new(art.x, art.bottom() - h, w, h);
    buf.set_style(area, Style::new().remove_modifier(Modifier::all()));
    for x in area.x..area.right() {
        buf.set_stringn(x, area.y, "─", 1, app.theme().dim);
        for y in area.y + 1..area.bottom() {
            buf.set_stringn(x, y, " ", 1, Style::new());
        }
    }
    let list = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    draw_hits(app, hits, *cursor, list, buf);
}
