//! Widgets shared by the page and its sections: the chart canvas, the
//! slider, a section's heading, "Show as table", Sources, loading states and
//! the embed dialog. They may read the page's context; they never import a
//! section or the page.

pub mod chart;
pub mod controls;
pub mod embed;
pub mod guide;
pub mod loading;
pub mod questions;
pub mod section;

pub use chart::{ChartCanvas, Legend};
pub use controls::{HorizonSwitch, Slider};
pub use embed::FigureEmbed;
pub use guide::{Glossary, Term, TryIt};
pub use loading::{later_pending, Later, WithAll, WithData, WithData2};
pub use questions::{AnswerKey, SectionQuestions};
pub use section::{phrases, Disclosure, SectionHead, Sources, TableToggle};
