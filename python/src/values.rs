//! Value types: `vanban.Symbol` (a số và ký hiệu) and `vanban.IssueDate` (a
//! full or partial date of issue).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};

use crate::errors;

/// A số và ký hiệu (`698-CV/TU`, `3870/SNN-VP`, `30/2020/NĐ-CP`) in
/// canonical form: no spaces, `Đ` for the look-alike `Ð`, codes in their
/// official spelling.
///
/// `Symbol("30/2020/nđ- CP")` and `Symbol.parse(...)` read one; `str()`
/// gives the canonical text. Symbols compare and hash by value.
#[pyclass(module = "vanban", name = "Symbol", frozen, eq, ord, hash)]
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Symbol(pub vanban::Symbol);

#[pymethods]
impl Symbol {
    /// Read a số ký hiệu; raises `MalformedError` (with `.offset`) when it is
    /// not one.
    #[new]
    fn new(py: Python<'_>, text: &str) -> PyResult<Symbol> {
        text.parse::<vanban::Symbol>()
            .map(Symbol)
            .map_err(|e| errors::malformed(py, &e))
    }

    /// Read a số ký hiệu (the same as `Symbol(text)`).
    #[classmethod]
    fn parse(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<Symbol> {
        Symbol::new(py, text)
    }

    /// The number (`698`), or `None` when none is printed (`/SNN-VP`).
    #[getter]
    fn number(&self) -> Option<u32> {
        self.0.number()
    }

    /// The number's digits as printed (`"05"`).
    #[getter]
    fn number_text(&self) -> Option<&str> {
        self.0.number_text()
    }

    /// The year inside the symbol (`30/2020/NĐ-CP` → 2020).
    #[getter]
    fn year(&self) -> Option<u16> {
        self.0.year()
    }

    /// The type code (`"CV"`, `"NĐ"`, `"CTr"`); `None` for a state công văn.
    #[getter]
    fn type_code(&self) -> Option<&str> {
        self.0.type_code()
    }

    /// The type name of the type code (`"Công văn"`), when it tells one.
    #[getter]
    fn type_name(&self) -> Option<&'static str> {
        self.0.type_name()
    }

    /// The issuer codes (`["TU"]`, `["BTC", "BNNPTNT"]`).
    #[getter]
    fn issuers(&self) -> Vec<String> {
        self.0.issuers().to_vec()
    }

    /// The drafting unit of a state công văn (`"VP"` in `3870/SNN-VP`).
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.0.unit()
    }

    /// `"dash"` (`698-CV/TU`, Party) or `"slash"` (`3870/SNN-VP`, state).
    #[getter]
    fn style(&self) -> &'static str {
        match self.0.style() {
            vanban::SymbolStyle::Dash => "dash",
            vanban::SymbolStyle::Slash => "slash",
        }
    }

    /// Does it look like a Party document's symbol?
    #[getter]
    fn is_party(&self) -> bool {
        self.0.is_party()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Symbol({})", PyString::new(py, &self.0.to_string()).repr()?))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let text = slf.get().0.to_string();
        PyTuple::new(
            slf.py(),
            [slf.get_type().into_any(), PyTuple::new(slf.py(), [text])?.into_any()],
        )
    }
}

/// A date of issue: a full date, a year and month, or a year only (a blank
/// `ngày  tháng  năm 2023`). `str()` gives ISO text (`2023-02-28`,
/// `2023-02`, `2023`). Full dates are given as `datetime.date` by
/// `Document.date`; `IssueDate` is for the partial ones and for reading
/// dates.
#[pyclass(module = "vanban", name = "IssueDate", frozen, eq, ord, hash)]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IssueDate(pub vanban::IssueDate);

#[pymethods]
impl IssueDate {
    /// `IssueDate(2023)`, `IssueDate(2023, 2)`, `IssueDate(2023, 2, 28)`;
    /// raises `ValueError` for a date that does not exist.
    #[new]
    #[pyo3(signature = (year, month=None, day=None))]
    fn new(year: u16, month: Option<u8>, day: Option<u8>) -> PyResult<IssueDate> {
        let date = match (month, day) {
            (None, None) => vanban::IssueDate::year_only(year),
            (Some(m), None) => vanban::IssueDate::ym(year, m),
            (Some(m), Some(d)) => vanban::IssueDate::ymd(year, m, d),
            (None, Some(_)) => None,
        };
        date.map(IssueDate).ok_or_else(|| {
            PyValueError::new_err(format!(
                "impossible date: expected a year 1900-2100 and a month and day that exist, found {year}-{}-{}",
                month.map_or("?".to_string(), |m| m.to_string()),
                day.map_or("?".to_string(), |d| d.to_string())
            ))
        })
    }

    /// Read ISO text (`2023-02-28`, `2023-02`, `2023`); raises
    /// `MalformedError`.
    #[classmethod]
    fn parse(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<IssueDate> {
        text.parse::<vanban::IssueDate>()
            .map(IssueDate)
            .map_err(|e| errors::malformed(py, &e))
    }

    /// Read a date as Vietnamese text writes it (`ngày 28 tháng 02 năm
    /// 2023`, `26/11/2021`); raises `MalformedError` (with `.offset`).
    #[classmethod]
    fn parse_text(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<IssueDate> {
        vanban::IssueDate::parse_text(text)
            .map(IssueDate)
            .map_err(|e| errors::malformed(py, &e))
    }

    /// The date of a `datetime.date`.
    #[classmethod]
    fn from_date(_cls: &Bound<'_, PyType>, date: &Bound<'_, PyAny>) -> PyResult<IssueDate> {
        let year: u16 = date.getattr("year")?.extract()?;
        let month: u8 = date.getattr("month")?.extract()?;
        let day: u8 = date.getattr("day")?.extract()?;
        IssueDate::new(year, Some(month), Some(day))
    }

    /// The year.
    #[getter]
    fn year(&self) -> u16 {
        self.0.year()
    }

    /// The month, when known.
    #[getter]
    fn month(&self) -> Option<u8> {
        self.0.month()
    }

    /// The day, when known.
    #[getter]
    fn day(&self) -> Option<u8> {
        self.0.day()
    }

    /// `True` when day, month and year are all known.
    #[getter]
    fn is_full(&self) -> bool {
        self.0.is_full()
    }

    /// Could the two be the same day? (A year-only date is compatible with
    /// every date of its year.)
    fn compatible(&self, other: &IssueDate) -> bool {
        self.0.compatible(&other.0)
    }

    /// The `datetime.date`; raises `ValueError` for a partial date.
    #[pyo3(name = "to_date")]
    fn as_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match (self.0.month(), self.0.day()) {
            (Some(m), Some(d)) => py.import("datetime")?.getattr("date")?.call1((self.0.year(), m, d)),
            _ => Err(PyValueError::new_err(format!(
                "partial date: expected a full date, found {}",
                self.0
            ))),
        }
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("IssueDate('{}')", self.0)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let d = slf.get().0;
        let args = PyTuple::new(
            slf.py(),
            [
                d.year().into_pyobject(slf.py())?.into_any(),
                d.month().into_pyobject(slf.py())?.into_any(),
                d.day().into_pyobject(slf.py())?.into_any(),
            ],
        )?;
        PyTuple::new(slf.py(), [slf.get_type().into_any(), args.into_any()])
    }
}
