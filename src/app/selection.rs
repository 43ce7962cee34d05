//! Which sentences the analyst has selected: a contiguous range grown from an anchor.

use std::ops::RangeInclusive;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection started; Shift+move keeps it and moves `head`.
    pub anchor: usize,
    /// The sentence that moves with ↑/↓ and that the view follows.
    pub head: usize,
}

impl Selection {
    pub fn single(index: usize) -> Self {
        Self {
            anchor: index,
            head: index,
        }
    }

    pub fn range(self) -> RangeInclusive<usize> {
        self.anchor.min(self.head)..=self.anchor.max(self.head)
    }

    pub fn contains(self, index: usize) -> bool {
        self.range().contains(&index)
    }

    pub fn len(self) -> usize {
        self.anchor.abs_diff(self.head) + 1
    }

    pub fn is_empty(self) -> bool {
        false
    }

    /// Moves to a single sentence `delta` away from the head, clamped to `0..count`.
    pub fn moved(self, delta: isize, count: usize) -> Self {
        Self::single(step(self.head, delta, count))
    }

    /// Keeps the anchor and moves the head by `delta`.
    pub fn extended(self, delta: isize, count: usize) -> Self {
        Self {
            anchor: self.anchor,
            head: step(self.head, delta, count),
        }
    }

    pub fn extended_to(self, index: usize) -> Self {
        Self {
            anchor: self.anchor,
            head: index,
        }
    }
}

fn step(from: usize, delta: isize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    from.saturating_add_signed(delta).min(count - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_clamps_and_collapses() {
        let s = Selection::single(0).extended(2, 5);
        assert_eq!(s.range(), 0..=2);
        assert_eq!(s.moved(1, 5), Selection::single(3));
        assert_eq!(Selection::single(0).moved(-1, 5), Selection::single(0));
        assert_eq!(Selection::single(4).moved(3, 5), Selection::single(4));
    }

    #[test]
    fn extending_upwards_keeps_anchor() {
        let s = Selection::single(3).extended(-2, 5);
        assert_eq!(s.range(), 1..=3);
        assert_eq!(s.len(), 3);
        assert!(s.contains(2) && !s.contains(4));
    }
}
