//! Offsets other tools count (code points, UTF-16 units) turned into bytes of the article's
//! text. An import maps tens of thousands of spans over a text of megabytes: walking the text
//! from its start for each would take minutes, so the walk is made once, with a mark every
//! [`STEP`] characters, and each lookup walks at most that far.

/// Characters between two marks.
const STEP: usize = 64;

#[derive(Debug, Clone, Copy)]
struct Mark {
    byte: usize,
    chars: usize,
    utf16: usize,
}

/// The text's offsets in every unit, ready for lookups.
pub(crate) struct Units<'a> {
    text: &'a str,
    marks: Vec<Mark>,
    chars: usize,
    utf16: usize,
}

impl<'a> Units<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / STEP + 1);
        let (mut chars, mut utf16) = (0, 0);
        for (byte, c) in text.char_indices() {
            if chars % STEP == 0 {
                marks.push(Mark { byte, chars, utf16 });
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
        Units {
            text,
            marks,
            chars,
            utf16,
        }
    }

    /// The byte offset of code point `n`, or `None` past the end.
    pub(crate) fn byte_of_char(&self, n: usize) -> Option<usize> {
        if n >= self.chars {
            return (n == self.chars).then_some(self.text.len());
        }
        let mark = self.marks[n / STEP];
        self.text[mark.byte..]
            .char_indices()
            .nth(n - mark.chars)
            .map(|(i, _)| mark.byte + i)
    }

    /// The byte offset of UTF-16 unit `n`, or `None` past the end or inside a surrogate pair.
    pub(crate) fn byte_of_utf16(&self, n: usize) -> Option<usize> {
        if n >= self.utf16 {
            return (n == self.utf16).then_some(self.text.len());
        }
        let at = self.marks.partition_point(|m| m.utf16 <= n) - 1;
        let mark = self.marks[at];
        let mut units = mark.utf16;
        for (i, c) in self.text[mark.byte..].char_indices() {
            if units >= n {
                return (units == n).then_some(mark.byte + i);
            }
            units += c.len_utf16();
        }
        None
    }

    /// Maps offsets counted in code points (or UTF-16 units) to bytes, with a message naming
    /// the span when they run past the text.
    pub(crate) fn span_bytes(
        &self,
        (start, end): (usize, usize),
        utf16: bool,
        id: &str,
    ) -> Result<(usize, usize), String> {
        let at = |n| {
            if utf16 {
                self.byte_of_utf16(n)
            } else {
                self.byte_of_char(n)
            }
        };
        let (unit, length) = if utf16 {
            ("UTF-16 units", self.utf16)
        } else {
            ("characters", self.chars)
        };
        match (at(start), at(end)) {
            (Some(s), Some(e)) if s <= e => Ok((s, e)),
            (Some(_), Some(_)) => Err(format!("{id} ends ({end}) before it starts ({start})")),
            _ => Err(format!(
                "{id} runs to {unit} {end}, past the end of the text ({length} {unit}): the \
                 file annotates another text, or another version of it"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn offsets_in_either_unit_map_to_bytes_and_past_the_end_is_named() {
        let units = Units::new("a🙂b");
        assert_eq!(units.byte_of_char(2), Some(5));
        assert_eq!(units.byte_of_utf16(3), Some(5));
        assert_eq!(units.byte_of_utf16(2), None, "inside the surrogate pair");
        assert_eq!(units.byte_of_char(3), Some(6));
        assert_eq!(units.byte_of_char(4), None);
        let err = units.span_bytes((1, 9), false, "T4").unwrap_err();
        assert!(err.contains("T4") && err.contains("past the end"), "{err}");
        assert_eq!(Units::new("").byte_of_char(0), Some(0));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Across mark boundaries and surrogate pairs, every unit maps where a walk from the
        /// start says it does.
        #[test]
        fn lookups_agree_with_a_walk_from_the_start(
            text in proptest::collection::vec(
                prop_oneof![Just('a'), Just('é'), Just('北'), Just('🙂'), Just('\n')], 0..300
            ).prop_map(|c| c.into_iter().collect::<String>())
        ) {
            let units = Units::new(&text);
            let mut by_char: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            by_char.push(text.len());
            for (n, &byte) in by_char.iter().enumerate() {
                prop_assert_eq!(units.byte_of_char(n), Some(byte));
            }
            prop_assert_eq!(units.byte_of_char(by_char.len()), None);
            let mut by_unit = vec![None; text.encode_utf16().count() + 1];
            let mut u = 0;
            for (i, c) in text.char_indices() {
                by_unit[u] = Some(i);
                u += c.len_utf16();
            }
            by_unit[u] = Some(text.len());
            for (n, &byte) in by_unit.iter().enumerate() {
                prop_assert_eq!(units.byte_of_utf16(n), byte);
            }
            prop_assert_eq!(units.byte_of_utf16(by_unit.len()), None);
        }
    }
}
