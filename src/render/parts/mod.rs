//! The parts of the report view: items with their stances, goals and objectives with SMART, the
//! confrontation matrix, the summary (argument map, consistency matrix), alternatives, customer
//! leadership and the appendix.

mod appendix;
mod closing;
mod goals;
mod items;
mod leadership;
mod summary;

pub use appendix::*;
pub use closing::*;
pub use goals::*;
pub use items::*;
pub use leadership::*;
pub use summary::*;
