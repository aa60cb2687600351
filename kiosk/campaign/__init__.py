"""One campaign, many kiosks, without Qt: the kiosk's name and health, signed pack
updates from the inbox and sticks, data requests. Its running service (a timer and a
worker thread) is kiosk/ui/campaign_service.py; its commands kiosk/cli/campaign.py."""
