//! Widgets shared by the page and its sections: the slider, a section's
//! heading, "Show as table", Sources, loading states and the embed dialog.
//! They read the page's context; they never import a section or the page.

pub mod controls;
pub mod embed;
pub mod loading;
pub mod section;

pub use controls::Slider;
pub use loading::{WithAll, WithData, WithData2};
pub use section::{SectionHead, Sources, TableToggle};
