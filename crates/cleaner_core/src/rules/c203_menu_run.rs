//! C203 menu-run: runs of five or more short bulleted entries: menus and link lists.

use std::sync::LazyLock;

use crate::page::{LineTest, Page, Removal};
use crate::pychar;
use crate::pyre::{Mode, PyRegex};
use crate::rule::{Rule, RuleMeta};
use crate::text::{ends_like_sentence, word_count};

pub static META: RuleMeta = RuleMeta::new("C203", "menu-run", DOC);

const DOC: &str = "\
Runs of short bulleted entries: menus, section lists, footer links.

Removed:
    * Tech
    * Cars
    * Gaming
    * Science
    * Reviews
Kept:
    * 200 g flour
    * 2 eggs, beaten
    * A pinch of salt
";

/// "  * Tech", "+ Reviews", "• Sport", "- Contact", "o Contact": an inscriptis or hand-made
/// bullet. Python wrote the "o" bullet as `o(?= )\s+`, an "o" then whitespace opening with a
/// space; `regex` has no lookahead, and `o \s*` is the same.
static BULLET: LazyLock<PyRegex> =
    LazyLock::new(|| PyRegex::new(r"(?:[*+•·▪►◦‣-]\s+|o \s*)(?P<item>.*)", false, Mode::FullMatch));
/// A shorter list may be the article's own ("Key points", a squad).
const MIN_MENU_ITEMS: usize = 5;
/// "Science & Technology News": a menu entry is a few words.
const MAX_MENU_ITEM_WORDS: usize = 4;
/// Share of items that must look like menu entries: lists of ingredients or facts do not.
const MIN_MENU_SHARE: f64 = 0.8;

pub struct MenuRun;
pub static RULE: MenuRun = MenuRun;

impl Rule for MenuRun {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn line_patterns(&'static self) -> Vec<&'static PyRegex> {
        vec![&*BULLET]
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        let mut found = Vec::new();
        let mut run: Vec<&str> = Vec::new();
        let mut numbers: Vec<usize> = Vec::new();
        let live = page.live_lines();
        for number in live.iter().copied().map(Some).chain([None]) {
            if let Some(n) = number {
                if page.test(LineTest::Bullet, n, || BULLET.is_match(page.hay(n))) {
                    run.push(bullet_item(page.line(n).stripped));
                    numbers.push(n);
                    continue;
                }
            }
            if is_menu(&run) {
                found.extend(page.removals(&META, numbers.iter().copied()));
            }
            run.clear();
            numbers.clear();
        }
        found
    }
}

/// The entry of a line BULLET matches: what follows the bullet and the spaces after it (the
/// pattern's `item` group, without reading groups).
fn bullet_item(text: &str) -> &str {
    let bullet = text.chars().next().map_or(0, char::len_utf8);
    text[bullet..].trim_start_matches(pychar::is_space)
}

fn is_menu(items: &[&str]) -> bool {
    if items.len() < MIN_MENU_ITEMS {
        return false;
    }
    let entries = items.iter().filter(|item| is_menu_entry(item)).count();
    entries as f64 >= MIN_MENU_SHARE * items.len() as f64
}

fn is_menu_entry(item: &str) -> bool {
    let words = word_count(item);
    0 < words && words <= MAX_MENU_ITEM_WORDS && !ends_like_sentence(item) && !item.chars().any(pychar::is_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bullet_item_is_the_pattern_s_group() {
        for text in ["* Tech", "•\u{3000} Sport news", "o  Contact", "-\tReviews", "o Yes"] {
            let group = BULLET.group(text, "item").flatten();
            assert_eq!(group, Some(bullet_item(text)), "{text:?}");
        }
    }
}
