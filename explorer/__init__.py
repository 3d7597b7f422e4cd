"""The Streamlit explorer of the Jilin Innovation Graph.

Layers: `app.py` navigates; `explorer.pages` render; `explorer.services` compute over the query
layer and never import Streamlit; `explorer.data` caches service results per store.
"""
