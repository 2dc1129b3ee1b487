//! Sharing the page: embed code for a section or a figure, links to the full
//! page, and the published address they point at. Pure string building from
//! the settings and a few facts about where the page runs, so every snippet is
//! tested natively; the embed dialog only gathers those facts and shows these.

use crate::state::{self, Figure, Section, Settings};

/// Message types are namespaced so a host can tell them from others.
pub const HEIGHT_MSG: &str = "selloff-explainer:height";
pub const THEME_MSG: &str = "selloff-explainer:theme";

/// Where the page runs, as the browser reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// The page's address without query or fragment.
    pub base: String,
    /// `"https:"`, `"http:"`, `"file:"`, …
    pub protocol: String,
    /// `"example.org"`, `"127.0.0.1:8080"`; empty for `file:`.
    pub host: String,
}

/// The address shared links and embed code point at, and, when it is not the
/// page's own, a sentence saying why. `public_url` is the build's PUBLIC_URL:
/// it is used when the page runs from a file (an embed of `file:///…` works on
/// no other computer) or from another host (a local preview, a mirror).
pub fn public_base(here: &Location, public_url: Option<&str>) -> (String, Option<String>) {
    let public = public_url.map(str::trim).filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let Some(public) = public else {
        let note = (here.protocol == "file:").then(|| {
            tr!(
                "This copy runs from a file and was built without a public address (PUBLIC_URL), so this code only \
                 works on this computer.",
                "此副本从本地文件运行，且构建时未设置公开地址（PUBLIC_URL），因此这段代码只能在本机使用。"
            )
            .to_string()
        });
        return (here.base.clone(), note);
    };
    let public = if public.ends_with('/') || public.rsplit('/').next().is_some_and(|l| l.contains('.')) {
        public.to_string()
    } else {
        format!("{public}/")
    };
    let public = edition_of(public);
    if here.protocol == "file:" {
        let note = tr!(
            format!(
                "This copy runs from a file on this computer, so the code points at the published explainer, {public}."
            ),
            format!("此副本从本机文件运行，因此代码指向已发布的在线版：{public}。")
        );
        (public, Some(note))
    } else if host_of(&public) != here.host {
        let note = tr!(
            format!("This copy runs at {}; the code points at the published explainer, {public}.", here.host),
            format!("此副本运行于{}，代码指向已发布的在线版：{public}。", here.host)
        );
        (public, Some(note))
    } else {
        (here.base.clone(), None)
    }
}

/// The published address of this build's edition: the public address itself
/// for the English page, its `zh/` for the Chinese one (docs/i18n.md), unless
/// the build's address already names it.
fn edition_of(public: String) -> String {
    if !crate::format::ZH || public.contains("/zh/") {
        return public;
    }
    match public.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/zh/{file}"),
        None => public,
    }
}

/// The other edition's address for the same link (issue 26): the masthead's
/// 中文 / English switch. From the English page `zh/`, from the Chinese page
/// `../`, both relative to the page; from the single file, its sibling file
/// (`selloff-explainer.html` ⇄ `selloff-explainer.zh.html`). `query` (with or
/// without its `?`) and `hash` are kept, without a `lang` key, which the
/// address now says.
pub fn other_edition(protocol: &str, pathname: &str, query: &str, hash: &str, to_zh: bool) -> String {
    let query = state::remove_param(query, "lang");
    let query = if query.is_empty() { String::new() } else { format!("?{query}") };
    let page = if protocol == "file:" {
        let file = pathname.rsplit('/').next().unwrap_or_default();
        let stem = file.strip_suffix(".zh.html").or_else(|| file.strip_suffix(".html")).unwrap_or(file);
        if to_zh {
            format!("{stem}.zh.html")
        } else {
            format!("{stem}.html")
        }
    } else if to_zh {
        "zh/".to_string()
    } else {
        "../".to_string()
    };
    format!("{page}{query}{hash}")
}

/// `example.org:8080` of `https://example.org:8080/path`.
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or_default()
}

/// `https://host/path` → `https://host` (for the responsive snippet's check).
pub fn origin_of(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => format!("{scheme}://{}", rest.split(['/', '?', '#']).next().unwrap_or_default()),
        None => String::new(),
    }
}

/// What an embed shows: a whole section, or one of its figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub section: Section,
    pub figure: Option<Figure>,
}

impl Target {
    /// The key of its measured height (`rates`, `rates/fedwatch`).
    pub fn key(&self) -> String {
        match self.figure {
            Some(f) => format!("{}/{}", self.section.id(), f.id),
            None => self.section.id().to_string(),
        }
    }

    pub fn title(&self) -> &'static str {
        self.figure.map_or(self.section.title(), |f| f.title)
    }
}

/// The embedded page's address: every setting, then what to show.
pub fn embed_src(base: &str, s: &Settings, t: Target, questions: bool) -> String {
    let mut params = vec![("embed", t.section.id().to_string())];
    if let Some(f) = t.figure {
        params.push(("fig", f.id.to_string()));
    }
    if questions && t.figure.is_none() {
        params.push(("questions", "1".to_string()));
    }
    format!("{base}?{}", state::set_params(&state::serialise_state(s), &params))
}

/// The full page at the settings `s`, opened at `section`.
pub fn full_link(base: &str, s: &Settings, section: Section) -> String {
    format!("{base}?{}#{}", state::serialise_state(s), section.id())
}

/// Height of the fixed-height frame: the embed's measured height at a 600 px
/// column (from the build), plus room for a horizontal scrollbar and a
/// changed setting that adds a line.
pub fn frame_height(measured_px: Option<u32>, fallback_px: u32) -> u32 {
    measured_px.unwrap_or(fallback_px).saturating_add(HEIGHT_MARGIN_PX)
}

/// Added to a measured height: a wrapped line or two at other settings.
pub const HEIGHT_MARGIN_PX: u32 = 60;

/// The measured heights written by the build (`rates=2367;rates/fedwatch=540`).
pub fn parse_heights(text: &str) -> Vec<(String, u32)> {
    text.split(';')
        .filter_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            Some((k.trim().to_string(), v.trim().parse().ok().filter(|h| (100..20_000).contains(h))?))
        })
        .collect()
}

/// A section embed taller than this, px at a 600 px column, is called long
/// in the embed dialog (about two phone screens).
pub const LONG_EMBED_PX: u32 = 1600;

/// The embed dialog's advice for a section: a figure embed is the usual
/// choice for a class, and a long section is called long, with its height.
pub fn section_embed_advice(height_px: u32) -> String {
    let base = tr!(
        "For a class, one figure is usually the better embed: each figure's own “Embed this figure” \
         gives that chart with the controls it needs.",
        "用于课堂时，通常嵌入单张图表更合适：每张图表下方的“嵌入本图”会给出该图及其所需的控件。"
    );
    let px = crate::format::grouped(f64::from(height_px), 0);
    if height_px > LONG_EMBED_PX {
        tr!(
            format!("{base} This whole section is long: about {px} px at a 600 px column, several screens on a phone."),
            format!("{base}本节篇幅较长：在600像素宽的版面中高约{px}像素，在手机上要翻好几屏。")
        )
    } else {
        tr!(
            format!("{base} This section is about {px} px tall at a 600 px column."),
            format!("{base}本节在600像素宽的版面中高约{px}像素。")
        )
    }
}

/// The fixed-height `<iframe>`: works where editors strip scripts.
pub fn fixed_snippet(src: &str, title: &str, height_px: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height_px}\" loading=\"lazy\" \
         style=\"border:0;max-width:60rem\"></iframe>",
        html_attr(src),
        frame_title(title)
    )
}

/// The frame's accessible title: the section's or figure's, marked as the
/// interactive version (escaped for the attribute).
fn frame_title(title: &str) -> String {
    tr!(format!("{} (interactive)", html_attr(title)), format!("{}（互动版）", html_attr(title)))
}

/// The responsive `<iframe>` and its listener: the frame takes the height the
/// embed reports, all of it, so the host page scrolls and the frame never
/// scrolls inside it (a scroll inside a scroll loses readers on a phone);
/// the message's origin and source are checked first.
pub fn responsive_snippet(src: &str, title: &str, height_px: u32, frame_id: &str) -> String {
    format!(
        "<iframe id=\"{frame_id}\" src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height_px}\" \
         loading=\"lazy\" style=\"border:0;max-width:60rem\"></iframe>\n\
<script>\n\
window.addEventListener('message', function (e) {{\n\
  var frame = document.getElementById('{frame_id}');\n\
  if (!frame || e.origin !== '{}' || e.source !== frame.contentWindow) return;\n\
  var d = e.data;\n\
  if (d && d.type === '{HEIGHT_MSG}' && typeof d.height === 'number' && d.height > 0 && d.height < 20000) {{\n\
    frame.style.height = Math.ceil(d.height) + 'px';\n\
  }}\n\
}});\n\
</script>",
        html_attr(src),
        frame_title(title),
        origin_of(src)
    )
}

/// Escape text for a double-quoted HTML attribute.
pub fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// "December rate-cut probability 55%, leverage 33× and 2 other settings
/// changed from 20 Nov": what an embed made now will open with.
pub fn settings_summary(s: &Settings) -> String {
    let others = s.changed_keys().into_iter().filter(|k| *k != state::CUT.key && *k != state::LEV.key).count();
    let (cut, lev) = (crate::format::fmt_num(s.cut_pct), crate::format::fmt_num(s.lev_x));
    tr!(
        {
            let tail = match others {
                0 => " and every other setting at its 20 Nov value".to_string(),
                1 => " and 1 other setting changed".to_string(),
                n => format!(" and {n} other settings changed"),
            };
            format!("December rate-cut probability {cut}%, leverage {lev}×{tail}")
        },
        {
            let tail = match others {
                0 => "，其他设定均为11月20日的数值".to_string(),
                n => format!("，另有{n}项设定已更改"),
            };
            format!("{}{cut}%，{}{lev}倍{tail}", crate::format::zh::term::CUT_ODDS, crate::format::zh::term::LEVERAGE)
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::FIGURES;

    fn at(base: &str, protocol: &str, host: &str) -> Location {
        Location { base: base.into(), protocol: protocol.into(), host: host.into() }
    }

    #[test]
    fn the_edition_switch_keeps_the_link_and_drops_lang() {
        let q = "?v=1&cut=20&lev=40&lang=zh&theme=dark";
        assert_eq!(other_edition("https:", "/", q, "#tariffs", true), "zh/?v=1&cut=20&lev=40&theme=dark#tariffs");
        assert_eq!(other_edition("https:", "/zh/", "cut=20", "", false), "../?cut=20");
        assert_eq!(other_edition("http:", "/zh/index.html", "", "", false), "../");
        // The single file and its sibling, both ways.
        let file = "/home/t/selloff-explainer.html";
        assert_eq!(other_edition("file:", file, "?lev=30", "", true), "selloff-explainer.zh.html?lev=30");
        let zh = "/home/t/selloff-explainer.zh.html";
        assert_eq!(other_edition("file:", zh, "?lev=30", "", false), "selloff-explainer.html?lev=30");
        assert_eq!(other_edition("file:", zh, "lang=en", "", true), "selloff-explainer.zh.html");
    }

    #[test]
    fn an_unknown_edition_in_the_link_is_named_and_changes_nothing() {
        let (s, notices) = crate::state::parse_state("?lang=fr&cut=20");
        assert_eq!(s.cut_pct, 20.0);
        assert_eq!(notices.len(), 1);
        assert!(notices[0].starts_with("lang:") && notices[0].contains("'fr'"), "{notices:?}");
        for ok in ["?lang=en", "?lang=zh", ""] {
            assert!(crate::state::parse_state(ok).1.is_empty(), "{ok}");
        }
    }

    #[test]
    fn the_public_address_replaces_files_and_other_hosts() {
        let public = Some("https://explainer.example.org/selloff");
        let (b, note) = public_base(&at("file:///home/t/selloff-explainer.html", "file:", ""), public);
        assert_eq!(b, "https://explainer.example.org/selloff/");
        assert!(note.unwrap().contains("runs from a file"));
        let (b, note) = public_base(&at("http://127.0.0.1:8080/", "http:", "127.0.0.1:8080"), public);
        assert_eq!(b, "https://explainer.example.org/selloff/");
        assert!(note.unwrap().contains("127.0.0.1:8080"));
        let (b, note) =
            public_base(&at("https://explainer.example.org/selloff/", "https:", "explainer.example.org"), public);
        assert_eq!((b.as_str(), note), ("https://explainer.example.org/selloff/", None));
        // No public address: the page's own, with a warning only from a file.
        assert_eq!(public_base(&at("http://h/", "http:", "h"), None), ("http://h/".into(), None));
        assert!(public_base(&at("file:///x.html", "file:", ""), Some("not a url")).1.unwrap().contains("PUBLIC_URL"));
        // A page address ending in a file name is kept as it is.
        assert_eq!(
            public_base(&at("file:///x", "file:", ""), Some("https://h/p/index.html")).0,
            "https://h/p/index.html"
        );
    }

    #[test]
    fn snippets_carry_the_settings_and_escape_them() {
        let s = Settings { cut_pct: 10.0, lev_x: 30.0, ..Settings::default() };
        let t = Target { section: Section::Tariffs, figure: None };
        let src = embed_src("https://h/", &s, t, true);
        assert!(src.starts_with("https://h/?v=1&cut=10&lev=30&"), "{src}");
        assert!(src.ends_with("&embed=tariffs&questions=1"), "{src}");
        let fixed = fixed_snippet(&src, t.title(), frame_height(Some(2367), 1400));
        assert!(fixed.starts_with("<iframe src=\"https://h/?v=1&amp;cut=10&amp;lev=30&amp;"), "{fixed}");
        assert!(fixed.contains("height=\"2427\""), "{fixed}");
        assert_eq!(
            section_embed_advice(2427),
            "For a class, one figure is usually the better embed: each figure's own “Embed this figure” gives that \
             chart with the controls it needs. This whole section is long: about 2,427 px at a 600 px column, several \
             screens on a phone."
        );
        assert!(section_embed_advice(900).ends_with("This section is about 900 px tall at a 600 px column."));
        let resp = responsive_snippet(&src, t.title(), 2427, "embed-tariffs");
        assert!(resp.contains("frame.style.height = Math.ceil(d.height) + 'px';"), "no cap at the window: {resp}");
        assert!(resp.contains("e.origin !== 'https://h'") && resp.contains("e.source !== frame.contentWindow"));
        assert!(resp.contains(HEIGHT_MSG));
        let fig = Target { section: Section::Synthesis, figure: Figure::find(Section::Synthesis, "waterfall-btc") };
        let src = embed_src("https://h/", &Settings::default(), fig, true);
        assert!(src.ends_with("&embed=synthesis&fig=waterfall-btc"), "questions belong to sections: {src}");
        assert_eq!(fig.key(), "synthesis/waterfall-btc");
        assert_eq!(full_link("https://h/", &s, Section::Liquidity).split('#').nth(1), Some("liquidity"));
        assert!(html_attr("a\"<b>&").eq("a&quot;&lt;b&gt;&amp;"));
    }

    #[test]
    fn measured_heights_are_read_and_bad_ones_dropped() {
        let h = parse_heights("rates=2367; rates/fedwatch=540;bad;x=abc;huge=999999;tiny=5");
        assert_eq!(h, vec![("rates".to_string(), 2367), ("rates/fedwatch".to_string(), 540)]);
        assert_eq!(frame_height(None, 1400), 1460);
        for f in FIGURES {
            assert_eq!(Target { section: f.section, figure: Some(f) }.title(), f.title);
        }
    }

    #[test]
    fn the_summary_says_what_an_embed_opens_with() {
        assert_eq!(
            settings_summary(&Settings::default()),
            "December rate-cut probability 39.6%, leverage 10× and every other setting at its 20 Nov value"
        );
        let s = Settings { cut_pct: 55.0, phi_pct: 80.0, corr_adjusted: true, ..Settings::default() };
        assert_eq!(
            settings_summary(&s),
            "December rate-cut probability 55%, leverage 10× and 2 other settings changed"
        );
    }
}
