//! The parts of the report view: items with their stances, goals and objectives with SMART, the
//! confrontation matrix, the summary (argument map, consistency matrix), alternatives, customer
//! leadership, the appendix and the student's worksheet.

mod appendix;
mod closing;
mod goals;
mod items;
mod leadership;
mod summary;
mod worksheet;

pub use appendix::*;
pub use closing::*;
pub use goals::*;
pub use items::*;
pub use leadership::*;
pub use summary::*;
pub use worksheet::*;

/// The views of a list of argument items of one kind.
pub fn items(
    cx: &crate::render::context::Context,
    kind: crate::case::ItemKind,
    list: &[crate::case::Argument],
) -> Vec<ItemView> {
    list.iter()
        .map(|a| item(cx, &crate::case::ArgumentItem::of(kind, a)))
        .collect()
}
