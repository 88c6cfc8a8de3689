//! Reading the dataset's tables a batch at a time, with the readers of
//! `baogao-write` ([`baogao_write::list_files`], [`baogao_write::read_batches`]),
//! plus the hive partition values of each file's folder.

use std::path::Path;

use arrow::array::{
    Array, BooleanArray, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
    TimestampMicrosecondArray,
};

use crate::ReportError;

/// Calls `f` with every record batch of table `table` under `root` and the
/// `key=value` partition folders of its file, in file order. A table
/// without files calls nothing.
pub(crate) fn scan(
    root: &Path,
    table: &str,
    columns: Option<&[&str]>,
    mut f: impl FnMut(&RecordBatch, &[(String, String)]) -> Result<(), ReportError>,
) -> Result<(), ReportError> {
    let dir = root.join(table);
    for file in baogao_write::list_files(&dir)? {
        let parts = partitions(&dir, &file);
        for batch in baogao_write::read_batches(&file, columns)? {
            f(&batch?, &parts)?;
        }
    }
    Ok(())
}

/// The `key=value` folder names between `dir` and `file`.
pub(crate) fn partitions(dir: &Path, file: &Path) -> Vec<(String, String)> {
    let Ok(rel) = file.strip_prefix(dir) else {
        return Vec::new();
    };
    rel.parent()
        .into_iter()
        .flat_map(Path::components)
        .filter_map(|c| {
            let (k, v) = c.as_os_str().to_str()?.split_once('=')?;
            Some((k.to_owned(), v.to_owned()))
        })
        .collect()
}

/// The value of partition `key`, as a year.
pub(crate) fn partition_year(parts: &[(String, String)], key: &str) -> Option<i32> {
    parts
        .iter()
        .find(|(k, _)| k == key)
        .and_then(|(_, v)| v.parse().ok())
}

/// Typed access to the columns of a batch by name; a missing column (an
/// older file) reads as nulls.
pub(crate) struct Cols<'a>(pub(crate) &'a RecordBatch);

impl<'a> Cols<'a> {
    fn get<T: 'static>(&self, name: &str) -> Option<&'a T> {
        self.0.column_by_name(name)?.as_any().downcast_ref::<T>()
    }

    pub(crate) fn str(&self, name: &str, i: usize) -> Option<&'a str> {
        let a = self.get::<StringArray>(name)?;
        a.is_valid(i).then(|| a.value(i))
    }

    pub(crate) fn string(&self, name: &str, i: usize) -> Option<String> {
        self.str(name, i).map(str::to_owned)
    }

    pub(crate) fn f64(&self, name: &str, i: usize) -> Option<f64> {
        let a = self.get::<Float64Array>(name)?;
        a.is_valid(i).then(|| a.value(i))
    }

    pub(crate) fn int(&self, name: &str, i: usize) -> Option<i64> {
        if let Some(a) = self.get::<Int32Array>(name) {
            return a.is_valid(i).then(|| i64::from(a.value(i)));
        }
        let a = self.get::<Int64Array>(name)?;
        a.is_valid(i).then(|| a.value(i))
    }

    pub(crate) fn bool(&self, name: &str, i: usize) -> Option<bool> {
        let a = self.get::<BooleanArray>(name)?;
        a.is_valid(i).then(|| a.value(i))
    }

    /// Microseconds since the epoch.
    pub(crate) fn micros(&self, name: &str, i: usize) -> Option<i64> {
        let a = self.get::<TimestampMicrosecondArray>(name)?;
        a.is_valid(i).then(|| a.value(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_are_read_from_the_folders_between_table_and_file() {
        let dir = Path::new("/out/targets");
        let file = dir.join("target_year=2024/part-1.parquet");
        let parts = partitions(dir, &file);
        assert_eq!(parts, [("target_year".to_owned(), "2024".to_owned())]);
        assert_eq!(partition_year(&parts, "target_year"), Some(2024));
        assert_eq!(partition_year(&parts, "year"), None);
        assert!(partitions(dir, &dir.join("part-1.parquet")).is_empty());
    }
}
