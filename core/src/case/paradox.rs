//! The five paradoxes of customer leadership (seed 003) and their poles.

/// One paradox: its key in case files and its two poles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParadoxKind {
    pub key: &'static str,
    pub poles: [&'static str; 2],
}

/// The five paradoxes, in the order seed 003 presents them.
pub const PARADOXES: [ParadoxKind; 5] = [
    ParadoxKind {
        key: "exploration_exploitation",
        poles: ["exploration", "exploitation"],
    },
    ParadoxKind {
        key: "short_term_long_term",
        poles: ["short_term", "long_term"],
    },
    ParadoxKind {
        key: "standardisation_personalisation",
        poles: ["standardisation", "personalisation"],
    },
    ParadoxKind {
        key: "control_flexibility",
        poles: ["control", "flexibility"],
    },
    ParadoxKind {
        key: "stability_change",
        poles: ["stability", "change"],
    },
];

/// The leaning that means "both poles equally".
pub const BALANCED: &str = "balanced";

/// The two capabilities of the leader (Poelmans, 2020).
pub const CAPABILITIES: [&str; 2] = ["brain_flexibility", "brain_resilience"];

impl ParadoxKind {
    pub fn find(key: &str) -> Option<ParadoxKind> {
        PARADOXES.into_iter().find(|p| p.key == key.trim())
    }
}
