"""Pure-Python services of the explorer: they query a `GraphStore` and return typed records.

No module here imports Streamlit; caching is done one layer up, in `explorer.data`.
"""
