"""`newscrawl report`: one HTML file showing what the runs did and what the dataset holds.

`collect` reads a data folder's run summaries and feeds, streaming; `render` draws the
figures (Plotly, extra `report`) and the table per site into a self-contained page.
"""
