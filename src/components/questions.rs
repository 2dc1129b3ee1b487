//! Questions for class under each cause section, answered by the page's own
//! models at the current settings (`figures::questions`), and the answer key
//! that closes the printed worksheet.

use crate::context::{location_search, Derived, Printing};
use crate::figures::questions::{Inputs, Question};
use crate::state::{get_param, Section};
use leptos::prelude::*;

/// The section's questions at the current settings (empty until the data and
/// the model are ready).
fn questions_now(section: Section, dv: Derived) -> Vec<Question> {
    let (Some(basis), Some(model)) = (dv.basis.get(), dv.model.get()) else { return Vec::new() };
    let inputs = Inputs { basis: &basis, model: &model };
    tr!(
        crate::figures::questions::for_section(section, &inputs),
        crate::figures::questions::zh::for_section(section, &inputs)
    )
}

/// "Questions for class": closed until opened; each answer hidden until its
/// own button reveals it. Printed as a worksheet (questions only; the answers
/// go to the answer key at the end). Computed only while open or printing, so
/// moving a slider does not rewrite questions nobody is reading.
///
/// A class embed (`embed=<section>&questions=1`) shows them open, right
/// after the section's main figure: each section places one instance there
/// (`after_figure`) and one at its end, and only the one for the page's
/// kind renders.
#[component]
pub fn SectionQuestions(
    section: Section,
    /// The instance after the main figure (class embeds), not at the end.
    #[prop(optional)]
    after_figure: bool,
) -> impl IntoView {
    let class_embed = class_embed();
    if after_figure != class_embed {
        return ().into_any();
    }
    let dv = expect_context::<Derived>();
    let printing = use_context::<Printing>().map(|p| p.0);
    let open = RwSignal::new(class_embed);
    let shown = move || open.get() || printing.is_some_and(|p| p.get());
    let id = format!("questions-{}", section.id());
    let body_id = id.clone();
    view! {
        <div class="questions" data-testid=id.clone()>
            <button type="button" class="show-questions" aria-expanded=move || open.get().to_string()
                aria-controls=id.clone() on:click=move |_| open.update(|v| *v = !*v)>
                {move || if open.get() {
                    tr!("Hide the questions for class", "收起课堂讨论题")
                } else {
                    tr!("Questions for class", "课堂讨论题")
                }}
            </button>
            <div class="questions-body" id=body_id class:open=open>
                <p class="fine">{tr!(
                    "Answers come from this page's models at the settings above: move a slider and they change.",
                    "答案由本页模型按上方当前设定计算得出：拖动滑块，答案随之改变。"
                )}</p>
                <ol>
                    {move || if shown() { questions_now(section, dv) } else { Vec::new() }.into_iter().map(|q| {
                        let revealed = RwSignal::new(false);
                        view! {
                            <li>
                                <p class="question">{q.question}</p>
                                <button type="button" class="reveal" aria-expanded=move || revealed.get().to_string()
                                    on:click=move |_| revealed.update(|v| *v = !*v)>
                                    {move || if revealed.get() { tr!("Hide the answer", "隐藏答案") } else { tr!("Show the answer", "显示答案") }}
                                </button>
                                <p class="answer" aria-live="polite" hidden=move || !revealed.get()>{q.answer}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </div>
        </div>
    }
    .into_any()
}

/// A section embed for a class: `embed=<section>&questions=1` (an unknown
/// section shows the whole page, so it is none). The one reading of it: the
/// app marks the page with it (`html.with-questions`) too.
pub fn class_embed() -> bool {
    let search = location_search();
    get_param(&search, "embed").and_then(|e| Section::from_id(&e)).is_some()
        && get_param(&search, "questions").as_deref() == Some("1")
}

/// The printed worksheet's answer key: every section's answers at the
/// settings being printed, on a page of its own at the end.
#[component]
pub fn AnswerKey() -> impl IntoView {
    let dv = expect_context::<Derived>();
    let printing = use_context::<Printing>().map(|p| p.0);
    let shown = move || printing.is_some_and(|p| p.get());
    view! {
        <div class="answer-key print-only" role="region"
            aria-label=tr!("Answer key for the questions for class", "课堂讨论题参考答案")>
            <h2>{tr!("Answer key", "参考答案")}</h2>
            {move || shown().then(|| Section::ALL.into_iter().filter_map(|s| {
                let qs = questions_now(s, dv);
                (!qs.is_empty()).then(|| view! {
                    <h3>{format!("{}. {}", s.number(), s.title())}</h3>
                    <ol>{qs.into_iter().map(|q| view! { <li>{q.answer}</li> }).collect_view()}</ol>
                })
            }).collect_view())}
        </div>
    }
}
