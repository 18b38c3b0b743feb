//! Byte-class tests on SIMD vectors, shared by the block scans
//! (normalization, the type-word fingerprint).

/// AVX2: thirty-two bytes a vector. Callers check the CPU has AVX2.
#[cfg(target_arch = "x86_64")]
pub(crate) mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_cmpeq_epi8, _mm256_min_epu8, _mm256_movemask_epi8, _mm256_set1_epi8, _mm256_sub_epi8,
    };

    /// Bytes of `x` equal to `b`.
    #[inline]
    #[target_feature(enable = "avx2")]
    pub(crate) fn eq(x: __m256i, b: u8) -> __m256i {
        _mm256_cmpeq_epi8(x, _mm256_set1_epi8(b as i8))
    }

    /// Bytes of `x` in `a..=b` (unsigned).
    #[inline]
    #[target_feature(enable = "avx2")]
    pub(crate) fn in_range(x: __m256i, a: u8, b: u8) -> __m256i {
        let d = _mm256_sub_epi8(x, _mm256_set1_epi8(a as i8));
        _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8((b - a) as i8)), d)
    }

    /// One bit per byte: its high bit.
    #[inline]
    #[target_feature(enable = "avx2")]
    pub(crate) fn mask(v: __m256i) -> u64 {
        u64::from(_mm256_movemask_epi8(v) as u32)
    }
}

/// AVX-512 BW: sixty-four bytes a vector, the tests' results as bit masks
/// (first byte lowest). Callers check the CPU has AVX-512 BW (it implies
/// AVX-512 F).
#[cfg(target_arch = "x86_64")]
pub(crate) mod avx512 {
    use std::arch::x86_64::{
        __m512i, _mm512_cmpeq_epi8_mask, _mm512_cmple_epu8_mask, _mm512_set1_epi8, _mm512_sub_epi8,
    };

    /// Bytes of `x` equal to `b`, a bit each.
    #[inline]
    #[target_feature(enable = "avx512f,avx512bw")]
    pub(crate) fn eq(x: __m512i, b: u8) -> u64 {
        _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(b as i8))
    }

    /// Bytes of `x` in `a..=b` (unsigned), a bit each.
    #[inline]
    #[target_feature(enable = "avx512f,avx512bw")]
    pub(crate) fn in_range(x: __m512i, a: u8, b: u8) -> u64 {
        _mm512_cmple_epu8_mask(
            _mm512_sub_epi8(x, _mm512_set1_epi8(a as i8)),
            _mm512_set1_epi8((b - a) as i8),
        )
    }
}
