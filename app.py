"""Jilin Innovation Graph explorer: navigation only. Run with `streamlit run app.py`.

No page icons: Streamlit would fetch the favicon for a Material or emoji icon from a CDN, and the
explorer must work offline.
"""

from __future__ import annotations

import streamlit as st

from explorer.i18n import t
from explorer.ui import frame

PAGES = (
    ("explorer/pages/overview.py", "page.overview", "overview"),
    ("explorer/pages/entity.py", "page.entity", "entity"),
    ("explorer/pages/industry.py", "page.industry", "industry"),
    ("explorer/pages/instruments.py", "page.instruments", "instruments"),
    ("explorer/pages/network.py", "page.network", "network"),
    ("explorer/pages/gallery.py", "page.gallery", "gallery"),
    ("explorer/pages/console.py", "page.console", "console"),
    ("explorer/pages/documents.py", "page.documents", "documents"),
    ("explorer/pages/trends.py", "page.trends", "trends"),
    ("explorer/pages/compare.py", "page.compare", "compare"),
)

st.set_page_config(page_title="吉林创新图谱 · Jilin Innovation Graph", layout="wide")
lang = frame()
st.navigation(
    [
        st.Page(path, title=t(key, lang), url_path=url, default=index == 0)
        for index, (path, key, url) in enumerate(PAGES)
    ]
).run()
