"""Building datasets from run files: reading, selecting, sorting, splitting, writing, and
describing them. `newscrawl export` (in `newscrawl.commands.export`) chains these; each
module streams, so memory stays flat whatever the input's size."""
