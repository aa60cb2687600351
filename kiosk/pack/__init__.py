"""The content pack, without Qt: models, loading and its problems, cross references,
subtitles, media facts, signed .bliqpack archives, add-videos' plan, new-pack, check
and readiness. Its Qt side (add-videos' import, preflight) is in kiosk/media."""
