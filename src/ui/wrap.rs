//! Line wrapping for mixed Chinese and Latin text, by display width.
//!
//! Chinese may break between any two characters; Latin words break at spaces
//! (and only when longer than a line, inside). textwrap does this well only
//! with its ICU segmenter, whose data would outweigh this file many times.

use ratatui::{Frame, layout::Rect, style::Style, text::Line};
use unicode_width::UnicodeWidthChar;

/// Punctuation that must not begin a line (it stays with the character before).
fn no_break_before(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '”'
            | '’'
            | ','
            | '.'
            | ';'
            | ':'
            | ')'
            | '%'
    )
}

fn is_wide(c: char) -> bool {
    c.width().unwrap_or(0) >= 2
}

/// Splits `text` into lines of at most `width` columns.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    lines_of(tokens(text), width)
}

/// As [`wrap`], but what stands in brackets — "(the code works for 30
/// minutes)", "（30 分钟内有效）" — goes to the next line whole rather
/// than break inside, whenever it fits on a line of its own.
pub fn wrap_keeping_brackets(text: &str, width: usize) -> Vec<String> {
    lines_of(bracket_groups(tokens(text), width.max(2)), width)
}

/// Draws `text` as [`draw`] does, never breaking inside brackets that fit a line.
pub fn draw_keeping_brackets(frame: &mut Frame, area: Rect, y: u16, text: &str, style: Style) -> u16 {
    draw_lines(frame, area, y, wrap_keeping_brackets(text, area.width as usize), style)
}

fn lines_of(tokens: Vec<String>, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for token in tokens {
        let w: usize = token.chars().map(|c| c.width().unwrap_or(0)).sum();
        if token == " " {
            if used > 0 && used < width {
                line.push(' ');
                used += 1;
            }
            continue;
        }
        if used + w > width && used > 0 {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            used = 0;
        }
        for c in token.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Draws `text` wrapped to `area`'s width from row `y` down, never below
/// `area`; returns the row after it (an empty text is one blank row).
pub fn draw(frame: &mut Frame, area: Rect, y: u16, text: &str, style: Style) -> u16 {
    draw_lines(frame, area, y, wrap(text, area.width as usize), style)
}

fn draw_lines(frame: &mut Frame, area: Rect, y: u16, lines: Vec<String>, style: Style) -> u16 {
    let mut y = y;
    for line in lines {
        if y >= area.bottom() {
            break;
        }
        frame.render_widget(Line::styled(line, style), Rect { y, height: 1, ..area });
        y += 1;
    }
    y
}

/// `text` cut to `width` columns, with an ellipsis when anything was cut.
pub fn truncate(text: &str, width: usize) -> String {
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Breakable units: a space, a Latin word, or one wide character together
/// with any punctuation that must follow it.
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c == ' ' {
            out.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            out.push(" ".into());
        } else if no_break_before(c) {
            match out.last_mut().filter(|_| word.is_empty()) {
                Some(last) if last != " " => last.push(c),
                _ => word.push(c),
            }
        } else if is_wide(c) {
            out.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            out.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    out.extend((!word.is_empty()).then_some(word));
    out
}

/// Joins the tokens from an opening bracket to its closing one into one
/// unbreakable token, where the whole fits in `width` columns.
fn bracket_groups(tokens: Vec<String>, width: usize) -> Vec<String> {
    let depth = |token: &str| {
        token.chars().fold(0i32, |d, c| match c {
            '(' | '（' | '[' | '【' | '「' | '《' => d + 1,
            ')' | '）' | ']' | '】' | '」' | '》' => d - 1,
            _ => d,
        })
    };
    let columns = |token: &str| token.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
    let mut out: Vec<String> = Vec::new();
    let mut open: Option<(Vec<String>, i32)> = None;
    for token in tokens {
        match open.as_mut() {
            None if depth(&token) > 0 => open = Some((vec![token.clone()], depth(&token))),
            None => out.push(token),
            Some((group, level)) => {
                *level += depth(&token);
                group.push(token);
                if *level <= 0 {
                    let (group, _) = open.take().expect("a group is open");
                    out.extend(join_if_fits(group, width, columns));
                }
            }
        }
    }
    // An opening bracket never closed: its tokens as they were.
    out.extend(open.map(|(group, _)| group).unwrap_or_default());
    out
}

/// The group as one token when it fits a line; else its tokens as they were.
fn join_if_fits(group: Vec<String>, width: usize, columns: impl Fn(&str) -> usize) -> Vec<String> {
    let joined = group.concat();
    if columns(&joined) <= width { vec![joined] } else { group }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn chinese_breaks_anywhere_but_before_punctuation() {
        assert_eq!(wrap("需现场采集人像和指纹。", 10), vec!["需现场采集", "人像和指", "纹。"]);
        assert_eq!(wrap("一二三四，五", 8), vec!["一二三", "四，五"]);
    }

    #[test]
    fn latin_breaks_at_spaces() {
        assert_eq!(
            wrap("Your photo and fingerprints are taken", 16),
            vec!["Your photo and", "fingerprints are", "taken"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 10), vec![""]);
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(super::truncate("Licence renewal", 10), "Licence r…");
        assert_eq!(super::truncate("驾驶证期满换证", 9), "驾驶证期…");
        assert_eq!(super::truncate("short", 10), "short");
    }

    #[test]
    fn brackets_go_to_the_next_line_whole_where_they_fit() {
        let caption = "Scan to take the checklist with you (the code works for 30 minutes):";
        assert_eq!(
            wrap(caption, 44)[0],
            "Scan to take the checklist with you (the",
            "plain wrap breaks inside"
        );
        assert_eq!(
            super::wrap_keeping_brackets(caption, 44),
            vec!["Scan to take the checklist with you", "(the code works for 30 minutes):"]
        );
        assert_eq!(
            super::wrap_keeping_brackets("扫码带走预约信息和材料清单（30 分钟内有效）：", 30),
            vec!["扫码带走预约信息和材料清单", "（30 分钟内有效）："]
        );
        // Longer than a line: broken as before, not lost.
        assert_eq!(super::wrap_keeping_brackets("a (bb cc dd)", 6), wrap("a (bb cc dd)", 6));
        assert_eq!(super::wrap_keeping_brackets("open (never closed", 8), wrap("open (never closed", 8));
    }

    #[test]
    fn mixed_text() {
        assert_eq!(wrap("一楼 A 区 3–6 号窗口", 12), vec!["一楼 A 区", "3–6 号窗口"]);
    }
}
