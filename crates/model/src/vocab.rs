//! Closed vocabularies used by the records, each written as a short string in
//! the datasets and the JSON output.

use serde::{Deserialize, Serialize};

macro_rules! vocab {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The string written to datasets and JSON.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the string written by [`Self::as_str`].
            #[must_use]
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocab! {
    /// What a figure measures.
    Measure {
        /// 增长X%: a growth rate.
        Growth = "growth",
        /// An amount: 新增就业X万人, 完成投资X亿元.
        Level = "level",
        /// A ratio: 占比, 比重, 覆盖率, R&D 投入强度.
        Share = "share",
        /// Unemployment and population growth rates.
        Rate = "rate",
        /// 涨幅 (CPI), declines and percentage-point changes.
        Change = "change",
    }
}

vocab! {
    /// How the figure bounds the target.
    Qualifier {
        /// 以上, 不低于, 超过, 突破, 多.
        AtLeast = ">=",
        /// 左右, 大约.
        About = "~",
        /// 以内, 以下, 不超过, 低于.
        AtMost = "<=",
        /// A bare number.
        Exact = "=",
        /// X%–Y%: `value` is the low end, `value_max` the high end.
        Range = "range",
        /// No number: 与经济增长同步, 稳中提质.
        Qualitative = "qualitative",
    }
}

vocab! {
    /// Administrative level of the reporting government.
    Level {
        /// The State Council's report to the National People's Congress
        /// (国务院政府工作报告): the whole country.
        National = "national",
        /// Provinces, municipalities and autonomous regions.
        Province = "province",
        /// Prefecture-level cities, prefectures, leagues, autonomous prefectures.
        City = "city",
        /// Counties, county-level cities, districts and banners.
        County = "county",
    }
}

vocab! {
    /// Whether a target is a floor the government commits to or an expectation.
    Constraint {
        /// 确保, 以上, 不低于.
        Hard = "hard",
        /// 左右, 预期, 力争.
        Soft = "soft",
    }
}

vocab! {
    /// Where a target's `constraint` comes from.
    ConstraintSource {
        /// The report labels the target 约束性 (hard) or 预期性 (soft), in its
        /// clause or right beside it (（约束性）, 预期性指标).
        Label = "label",
        /// No label: read from the wording (确保, 以上, 左右 …).
        Wording = "wording",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocab_round_trips_through_its_string() {
        for q in Qualifier::ALL {
            assert_eq!(Qualifier::parse(q.as_str()), Some(*q));
        }
        for m in Measure::ALL {
            assert_eq!(Measure::parse(m.as_str()), Some(*m));
        }
        for l in Level::ALL {
            assert_eq!(Level::parse(l.as_str()), Some(*l));
        }
        for c in ConstraintSource::ALL {
            assert_eq!(ConstraintSource::parse(c.as_str()), Some(*c));
        }
        assert_eq!(Qualifier::parse("≥"), None);
    }
}

/// How a non-standard indicator's id begins: `other:<name as written>`.
pub const OTHER_PREFIX: &str = "other:";

/// The id of a non-standard indicator named `name`.
#[must_use]
pub fn other_id(name: &str) -> String {
    format!("{OTHER_PREFIX}{name}")
}

/// The name of a non-standard indicator's id; `None` for a canonical id.
#[must_use]
pub fn other_name(id: &str) -> Option<&str> {
    id.strip_prefix(OTHER_PREFIX)
}

/// Whether `id` is one of the codebook's canonical indicators (not `other:`).
#[must_use]
pub fn is_canonical(id: &str) -> bool {
    !id.starts_with(OTHER_PREFIX)
}

#[cfg(test)]
mod other_tests {
    use super::*;

    #[test]
    fn other_ids_round_trip_and_canonical_ids_have_no_name() {
        let id = other_id("旅游总收入");
        assert_eq!(id, "other:旅游总收入");
        assert_eq!(other_name(&id), Some("旅游总收入"));
        assert!(!is_canonical(&id));
        assert_eq!(other_name("gdp"), None);
        assert!(is_canonical("gdp"));
    }
}
