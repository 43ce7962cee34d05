//! How label colours look to a reader: CIELAB and CIEDE2000 for "can these two be told apart",
//! WCAG contrast for "can text be read on this", and the tints drawn behind sentences on the
//! light and the dark page. Kept free of egui so that the palette is checked by plain tests.

use super::taxonomy::{PALETTE, Rgb};

/// Label colours (swatches, chips, outlines) differ at least this much from one another.
pub const MIN_LABEL_DISTANCE: f64 = 20.0;
/// Sentence tints of different labels differ at least this much on the same page.
pub const MIN_TINT_DISTANCE: f64 = 10.0;
/// WCAG AA for body text.
pub const MIN_TEXT_CONTRAST: f64 = 4.5;
/// The tint of every other sentence is this share of the full one, so that two neighbours with
/// the same label keep a visible boundary.
pub const NEIGHBOUR_SHARE: f64 = 0.6;

/// A page the article is drawn on: its background, the colour of its text, and how far a tint
/// may go towards the label colour (beyond it, a page of tinted sentences reads as a wall of
/// colour even where the contrast would allow it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    pub background: Rgb,
    pub text: Rgb,
    pub max_tint: f64,
}

/// egui's light theme text-edit background, with near-black article text.
pub const LIGHT: Page = Page {
    background: Rgb(255, 255, 255),
    text: Rgb(20, 20, 20),
    max_tint: 0.6,
};

/// egui's dark theme text-edit background, with light grey article text: egui's own grey (140)
/// leaves no room for any tint above 4.5:1.
pub const DARK: Page = Page {
    background: Rgb(10, 10, 10),
    text: Rgb(225, 225, 225),
    max_tint: 0.75,
};

impl Page {
    /// The strongest tint of `colour` that keeps the page's text at [`MIN_TEXT_CONTRAST`]
    /// (with a little room for rounding in the renderer), scaled by `share` (1.0: full).
    pub fn tint(&self, colour: Rgb, share: f64) -> Rgb {
        let readable = |t: f64| {
            contrast(self.text, mix(self.background, colour, t)) >= MIN_TEXT_CONTRAST + 0.1
        };
        let strength = if readable(self.max_tint) {
            self.max_tint
        } else {
            // Contrast falls steadily as the tint moves from the page towards the colour.
            let (mut lo, mut hi) = (0.0, self.max_tint);
            for _ in 0..24 {
                let mid = (lo + hi) / 2.0;
                if readable(mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            lo
        };
        mix(self.background, colour, strength * share)
    }
}

/// `a` moved towards `b` by `t` (0: `a`, 1: `b`), per sRGB channel.
pub fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let lerp = |x: u8, y: u8| {
        let v = f64::from(x) + (f64::from(y) - f64::from(x)) * t;
        v.round().clamp(0.0, 255.0) as u8
    };
    Rgb(lerp(a.0, b.0), lerp(a.1, b.1), lerp(a.2, b.2))
}

fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG 2 relative luminance.
pub fn luminance(c: Rgb) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

/// WCAG 2 contrast ratio, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// CIELAB under D65.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lab {
    pub l: f64,
    pub a: f64,
    pub b: f64,
}

impl From<Rgb> for Lab {
    fn from(c: Rgb) -> Self {
        let (r, g, b) = (linear(c.0), linear(c.1), linear(c.2));
        let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47;
        let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175 * b;
        let z = (0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b) / 1.088_83;
        let f = |t: f64| {
            if t > 216.0 / 24389.0 {
                t.cbrt()
            } else {
                (24389.0 / 27.0 * t + 16.0) / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        Lab {
            l: 116.0 * fy - 16.0,
            a: 500.0 * (fx - fy),
            b: 200.0 * (fy - fz),
        }
    }
}

/// CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), with kL = kC = kH = 1.
pub fn ciede2000(x: Lab, y: Lab) -> f64 {
    use std::f64::consts::PI;
    let deg = |r: f64| r * 180.0 / PI;
    let rad = |d: f64| d * PI / 180.0;
    let pow7 = |v: f64| v.powi(7);
    let c_mean = (x.a.hypot(x.b) + y.a.hypot(y.b)) / 2.0;
    let g = 0.5 * (1.0 - (pow7(c_mean) / (pow7(c_mean) + pow7(25.0))).sqrt());
    let (a1, a2) = ((1.0 + g) * x.a, (1.0 + g) * y.a);
    let (c1, c2) = (a1.hypot(x.b), a2.hypot(y.b));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            deg(b.atan2(a)).rem_euclid(360.0)
        }
    };
    let (h1, h2) = (hue(x.b, a1), hue(y.b, a2));
    let dl = y.l - x.l;
    let dc = c2 - c1;
    let dh = if c1 * c2 == 0.0 {
        0.0
    } else if (h2 - h1).abs() <= 180.0 {
        h2 - h1
    } else if h2 - h1 > 180.0 {
        h2 - h1 - 360.0
    } else {
        h2 - h1 + 360.0
    };
    let dh_big = 2.0 * (c1 * c2).sqrt() * rad(dh / 2.0).sin();
    let l_mean = (x.l + y.l) / 2.0;
    let c_mean_p = (c1 + c2) / 2.0;
    let h_mean = if c1 * c2 == 0.0 {
        h1 + h2
    } else if (h1 - h2).abs() <= 180.0 {
        (h1 + h2) / 2.0
    } else if h1 + h2 < 360.0 {
        (h1 + h2 + 360.0) / 2.0
    } else {
        (h1 + h2 - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * rad(h_mean - 30.0).cos()
        + 0.24 * rad(2.0 * h_mean).cos()
        + 0.32 * rad(3.0 * h_mean + 6.0).cos()
        - 0.20 * rad(4.0 * h_mean - 63.0).cos();
    let d_theta = 30.0 * (-((h_mean - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (pow7(c_mean_p) / (pow7(c_mean_p) + pow7(25.0))).sqrt();
    let sl = 1.0 + 0.015 * (l_mean - 50.0).powi(2) / (20.0 + (l_mean - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * c_mean_p;
    let sh = 1.0 + 0.015 * c_mean_p * t;
    let rt = -rad(2.0 * d_theta).sin() * rc;
    let (l, c, h) = (dl / sl, dc / sc, dh_big / sh);
    (l * l + c * c + h * h + rt * c * h).sqrt()
}

/// CIEDE2000 between two sRGB colours.
pub fn distance(a: Rgb, b: Rgb) -> f64 {
    ciede2000(a.into(), b.into())
}

/// How well two label colours are told apart, as a share of what the palette promises: the
/// smallest of the colours' own distance and their tints' distances on either page, each over
/// its threshold. 1.0 or more: as distinct as the palette's own colours.
pub fn separation(a: Rgb, b: Rgb) -> f64 {
    let tints = |page: &Page| distance(page.tint(a, 1.0), page.tint(b, 1.0)) / MIN_TINT_DISTANCE;
    (distance(a, b) / MIN_LABEL_DISTANCE)
        .min(tints(&LIGHT))
        .min(tints(&DARK))
}

/// The colour for a new label: the palette colour no label has that stands furthest from every
/// colour in use; once the palette is used up, the furthest of a coarse grid of mid-light
/// colours (an outline of it still shows on either page).
pub fn most_distant(used: &[Rgb]) -> Rgb {
    let furthest = |candidates: &mut dyn Iterator<Item = Rgb>| {
        candidates
            .filter(|c| !used.contains(c))
            .map(|c| {
                let nearest = used
                    .iter()
                    .map(|u| separation(c, *u))
                    .fold(f64::INFINITY, f64::min);
                (c, nearest)
            })
            .max_by(|x, y| x.1.total_cmp(&y.1))
    };
    let from_palette = furthest(&mut PALETTE.into_iter());
    if let Some((colour, score)) = from_palette
        && score >= 1.0
    {
        return colour;
    }
    let steps = (0..=255u8).step_by(32).chain([255]);
    let grid = steps.clone().flat_map(|r| {
        let steps = steps.clone();
        steps
            .clone()
            .flat_map(move |g| steps.clone().map(move |b| Rgb(r, g, b)))
    });
    let mut outlined = grid.filter(|c| (0.07..=0.45).contains(&luminance(*c)));
    match (from_palette, furthest(&mut outlined)) {
        (Some(p), Some(g)) if p.1 >= g.1 => p.0,
        (_, Some(g)) => g.0,
        (Some(p), None) => p.0,
        (None, None) => PALETTE[used.len() % PALETTE.len()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab(l: f64, a: f64, b: f64) -> Lab {
        Lab { l, a, b }
    }

    /// Pairs from Sharma, Wu and Dalal's test data for CIEDE2000, chosen to exercise the hue
    /// wrap-around, the blue rotation term and neutral colours.
    #[test]
    fn ciede2000_matches_the_published_test_data() {
        let pairs = [
            (
                lab(50.0, 2.6772, -79.7751),
                lab(50.0, 0.0, -82.7485),
                2.0425,
            ),
            (
                lab(50.0, -1.3802, -84.2814),
                lab(50.0, 0.0, -82.7485),
                1.0000,
            ),
            (lab(50.0, 0.0, 0.0), lab(50.0, -1.0, 2.0), 2.3669),
            (lab(50.0, 2.49, -0.001), lab(50.0, -2.49, 0.0011), 7.2195),
            (lab(50.0, 2.5, 0.0), lab(73.0, 25.0, -18.0), 27.1492),
            (lab(50.0, 2.5, 0.0), lab(58.0, 24.0, 15.0), 19.4535),
            (
                lab(60.2574, -34.0099, 36.2677),
                lab(60.4626, -34.1751, 39.4387),
                1.2644,
            ),
            (
                lab(22.7233, 20.0904, -46.694),
                lab(23.0331, 14.973, -42.5619),
                2.0373,
            ),
            (
                lab(90.9257, -0.5406, -0.9208),
                lab(88.6381, -0.8985, -0.7239),
                1.5381,
            ),
            (
                lab(2.0776, 0.0795, -1.135),
                lab(0.9033, -0.0636, -0.5514),
                0.9082,
            ),
        ];
        for (x, y, expected) in pairs {
            let got = ciede2000(x, y);
            assert!(
                (got - expected).abs() < 1e-4,
                "{x:?} {y:?}: {got} ≠ {expected}"
            );
            assert!((ciede2000(y, x) - expected).abs() < 1e-4, "not symmetric");
        }
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(118, 118, 118), Rgb(255, 255, 255)) - 4.54).abs() < 0.01);
        assert_eq!(contrast(Rgb(9, 9, 9), Rgb(9, 9, 9)), 1.0);
    }

    #[test]
    fn srgb_to_lab_matches_reference_values() {
        let white = Lab::from(Rgb(255, 255, 255));
        assert!((white.l - 100.0).abs() < 0.01 && white.a.abs() < 0.01 && white.b.abs() < 0.01);
        // sRGB red, by the standard matrices: L 53.24, a 80.09, b 67.20.
        let red = Lab::from(Rgb(255, 0, 0));
        assert!((red.l - 53.24).abs() < 0.05, "{red:?}");
        assert!(
            (red.a - 80.09).abs() < 0.1 && (red.b - 67.20).abs() < 0.1,
            "{red:?}"
        );
    }

    #[test]
    fn tints_go_as_far_as_the_text_allows_and_no_further() {
        for page in [LIGHT, DARK] {
            for colour in PALETTE {
                let tint = page.tint(colour, 1.0);
                let c = contrast(page.text, tint);
                assert!(
                    c >= MIN_TEXT_CONTRAST,
                    "{} on {page:?}: {c:.2}",
                    colour.to_hex()
                );
                // Either capped, or within a step of the contrast limit: nothing left unused.
                let capped = tint == mix(page.background, colour, page.max_tint);
                assert!(
                    capped || c < MIN_TEXT_CONTRAST + 0.35,
                    "{}: {c:.2}",
                    colour.to_hex()
                );
            }
        }
    }

    fn pairs<T: Copy>(items: &[T]) -> impl Iterator<Item = (T, T)> + '_ {
        items
            .iter()
            .enumerate()
            .flat_map(move |(i, a)| items[..i].iter().map(move |b| (*a, *b)))
    }

    fn assert_all_apart(colours: &[Rgb]) {
        for (a, b) in pairs(colours) {
            let d = distance(a, b);
            assert!(
                d >= MIN_LABEL_DISTANCE,
                "{} vs {}: ΔE {d:.1}",
                a.to_hex(),
                b.to_hex()
            );
        }
    }

    fn default_colours() -> Vec<Rgb> {
        let taxonomy = crate::model::Taxonomy::default_preset();
        taxonomy.labels.iter().map(|l| l.color).collect()
    }

    #[test]
    fn the_shipped_labels_can_be_told_apart_by_colour() {
        let colours = default_colours();
        assert_eq!(colours.len(), 13);
        assert_all_apart(&colours);
    }

    #[test]
    fn every_palette_colour_is_distinct_and_its_outline_shows_on_either_page() {
        assert_all_apart(&PALETTE);
        for page in [LIGHT, DARK] {
            for colour in PALETTE {
                let c = contrast(colour, page.background);
                assert!(
                    c >= 2.0,
                    "{} on {:?}: {c:.2}",
                    colour.to_hex(),
                    page.background
                );
            }
        }
    }

    #[test]
    fn sentence_tints_are_readable_and_distinct_on_both_pages() {
        for page in [LIGHT, DARK] {
            let tints: Vec<Rgb> = PALETTE.iter().map(|c| page.tint(*c, 1.0)).collect();
            for (a, b) in pairs(&tints) {
                let d = distance(a, b);
                assert!(
                    d >= MIN_TINT_DISTANCE,
                    "{page:?}: {a:?} vs {b:?}: ΔE {d:.1}"
                );
            }
            for colour in PALETTE {
                let (full, neighbour) =
                    (page.tint(colour, 1.0), page.tint(colour, NEIGHBOUR_SHARE));
                for tint in [full, neighbour] {
                    let c = contrast(page.text, tint);
                    assert!(
                        c >= MIN_TEXT_CONTRAST,
                        "{} on {page:?}: {c:.2}",
                        colour.to_hex()
                    );
                }
                // Two neighbours with the same label keep a boundary one can see.
                let d = distance(full, neighbour);
                assert!(
                    d >= 4.0,
                    "{} neighbours on {page:?}: ΔE {d:.1}",
                    colour.to_hex()
                );
            }
        }
    }

    #[test]
    fn new_labels_get_the_most_distant_free_colour() {
        let mut colours = default_colours();
        // The palette's three spare colours come first, each as distinct as the shipped ones.
        while colours.len() < PALETTE.len() {
            let next = most_distant(&colours);
            assert!(
                PALETTE.contains(&next) && !colours.contains(&next),
                "{next:?}"
            );
            colours.push(next);
        }
        for (a, b) in pairs(&colours) {
            assert!(separation(a, b) >= 1.0, "{a:?} vs {b:?}");
        }
        // Beyond the palette, each proposal is still the furthest of what is left: no other
        // palette or grid colour stands further from those in use, and none repeats.
        for _ in 0..4 {
            let next = most_distant(&colours);
            assert!(!colours.contains(&next), "{next:?} repeats");
            let nearest = |c: Rgb| {
                colours
                    .iter()
                    .map(|u| separation(c, *u))
                    .fold(f64::INFINITY, f64::min)
            };
            let best = nearest(next);
            assert!(
                best >= 0.85,
                "{next:?} is too close to a colour in use: {best:.2}"
            );
            for c in PALETTE {
                assert!(colours.contains(&c) || nearest(c) <= best);
            }
            colours.push(next);
        }
    }

    #[test]
    fn a_colour_the_analyst_chose_is_avoided_for_the_next_label() {
        // The analyst gave one label a colour close to a spare palette colour: the next label
        // does not get that spare one.
        let mut colours = default_colours();
        let spare = most_distant(&colours);
        let near_spare = mix(spare, Rgb(255, 255, 255), 0.05);
        colours.push(near_spare);
        let next = most_distant(&colours);
        assert_ne!(next, spare);
        assert!(distance(next, near_spare) >= MIN_LABEL_DISTANCE);
    }
}
