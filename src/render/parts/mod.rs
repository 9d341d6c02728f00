//! The parts of the report view: items with their stances, objectives with SMART, the
//! confrontation matrix, the summary (argument map, consistency matrix), alternatives, customer
//! leadership, the appendix and the student's worksheet.

mod appendix;
mod closing;
mod items;
mod leadership;
mod summary;
mod worksheet;

pub use appendix::*;
pub use closing::*;
pub use items::*;
pub use leadership::*;
pub use summary::*;
pub use worksheet::*;
