//! Query strings: decoded pairs, one value per key (the last wins), keys set
//! in place; and a reader's input quoted back safely.

/// Set `params` in `query`: an existing key keeps its place, a new key is
/// appended. Returns the query without a leading `?`.
pub fn set_params(query: &str, params: &[(&str, String)]) -> String {
    let mut pairs = query_pairs(query);
    // Repeated keys collapse to one, so the URL says one thing.
    for (key, value) in params {
        let mut seen = false;
        pairs.retain_mut(|(k, v)| {
            if k != key {
                return true;
            }
            if seen {
                return false;
            }
            seen = true;
            *v = value.clone();
            true
        });
        if !seen {
            pairs.push((key.to_string(), value.clone()));
        }
    }
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// `query` without `key` (every occurrence), the rest in place. Returns the
/// query without a leading `?`.
pub fn remove_param(query: &str, key: &str) -> String {
    query_pairs(query)
        .iter()
        .filter(|(k, _)| k != key)
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The last value of `key` in `query`, decoded.
pub fn get_param(query: &str, key: &str) -> Option<String> {
    query_pairs(query).into_iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Split `a=1&b=2` into decoded pairs; a key with no `=` gets an empty value.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// application/x-www-form-urlencoded decoding; invalid escapes are kept as text.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for byte in s.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// At most 24 characters of a reader's input, for quoting it back safely.
pub(super) fn excerpt(raw: &str) -> String {
    let mut s: String = raw.chars().take(24).collect();
    if raw.chars().count() > 24 {
        s.push('…');
    }
    s
}
