"""The campaign's figures, without Qt: SQL over the event log (metrics), export and
merge, the stats text, the HTML report and its SVG charts. Admin's dashboard (the Qt
side) is kiosk/ui/dashboard.py and kiosk/ui/chart_images.py."""
