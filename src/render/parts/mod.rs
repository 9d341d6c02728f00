//! The parts of the report view: items with their stances, objectives with SMART, the
//! confrontation matrix, the summary (argument map, consistency matrix), alternatives, customer
//! leadership and the appendix.

mod appendix;
mod closing;
mod items;
mod leadership;
mod summary;

pub use appendix::*;
pub use closing::*;
pub use items::*;
pub use leadership::*;
pub use summary::*;
