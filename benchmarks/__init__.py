"""The benchmark suite: `python -m benchmarks run | check | table` (see `benchmarks.__main__`).

The older single-purpose scripts (build_time, extraction_throughput, query_latency, page_render,
add_document) still run on their own; the suite reuses their measurements.
"""
