//! Every rule, one module each, named `<code>_<slug>`; `ALL` lists them in pipeline order.
//!
//! Pipeline order is code order: single lines (C1), blocks, which see only what is left
//! (C2), legal tails (C3), and last the heuristics (C9), whose analysis reads what all the
//! others left. Codes are never reused.

use std::sync::LazyLock;

use crate::prefilter::LiteralIndex;
use crate::pyre;
use crate::rule::Rule;

pub mod c101_open_in_app;
pub mod c102_follow_share;
pub mod c103_newsletter;
pub mod c104_comments;
pub mod c105_player_residue;
pub mod c106_date_stamp;
pub mod c107_byline;
pub mod c108_section_label;
pub mod c109_advertisement;
pub mod c110_account;
pub mod c111_read_more;
pub mod c112_caption_credit;
pub mod c113_cookie_notice;
pub mod c114_site_navigation;
pub mod c201_related_list;
pub mod c202_teaser_copy;
pub mod c203_menu_run;
pub mod c204_link_line;
pub mod c301_disclaimer;
pub mod c302_copyright;
pub mod c303_syndication;
pub mod c901_headline;
pub mod c910_off_article;

/// Every rule, in pipeline order.
pub static ALL: &[&dyn Rule] = &[
    &c101_open_in_app::RULE,
    &c102_follow_share::RULE,
    &c103_newsletter::RULE,
    &c104_comments::RULE,
    &c105_player_residue::RULE,
    &c106_date_stamp::RULE,
    &c107_byline::RULE,
    &c108_section_label::RULE,
    &c109_advertisement::RULE,
    &c110_account::RULE,
    &c111_read_more::RULE,
    &c112_caption_credit::RULE,
    &c113_cookie_notice::RULE,
    &c114_site_navigation::RULE,
    &c201_related_list::RULE,
    &c202_teaser_copy::RULE,
    &c203_menu_run::RULE,
    &c204_link_line::RULE,
    &c301_disclaimer::RULE,
    &c302_copyright::RULE,
    &c303_syndication::RULE,
    &c901_headline::RULE,
    &c910_off_article::RULE,
];

/// The literals of every rule's line patterns, found in one pass per line (`Page::hay`).
pub static LINE_PATTERNS: LazyLock<LiteralIndex> =
    LazyLock::new(|| pyre::index(&ALL.iter().flat_map(|rule| rule.line_patterns()).collect::<Vec<_>>()));

/// The rule whose code ("C101", any case) or name ("open-in-app") is `key`.
pub fn get(key: &str) -> Option<&'static dyn Rule> {
    let wanted = key.trim().to_lowercase();
    ALL.iter().copied().find(|r| r.meta().code.to_lowercase() == wanted || r.meta().name == wanted)
}

/// The rules to run, in pipeline order: `select` (all when empty) minus `ignore`; the first
/// unknown key is the error.
pub fn active(select: &[&str], ignore: &[&str]) -> Result<Vec<&'static dyn Rule>, String> {
    let resolve = |keys: &[&str]| -> Result<Vec<&'static str>, String> {
        keys.iter().map(|k| get(k).map(|r| r.meta().code).ok_or_else(|| k.to_string())).collect()
    };
    let (selected, ignored) = (resolve(select)?, resolve(ignore)?);
    Ok(ALL
        .iter()
        .copied()
        .filter(|r| selected.is_empty() || selected.contains(&r.meta().code))
        .filter(|r| !ignored.contains(&r.meta().code))
        .collect())
}
