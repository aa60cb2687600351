"""A visit, without Qt: the screen flow, what plays next, how much was watched, which
codes a screen shows, countdowns, the admin PIN gate. Its Qt side is in kiosk/ui."""
