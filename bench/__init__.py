"""Benchmarks for Hotline Console: they print figures, they assert nothing.

    python -m bench            both benchmarks, full size (about 2 minutes)
    python -m bench --quick    a smaller run

Each benchmark makes its own throwaway database (``hc_bench_*``) on the server
named by ``BENCH_DATABASE_URL`` (default: the local server) and drops it again.
"""
