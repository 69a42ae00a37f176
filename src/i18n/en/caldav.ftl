# src/caldav/mod.rs: why a calendar server request failed, and what to do.
# $url is the address (without any password); $detail and $why are the
# server's or the library's own words, or one of the messages below.

caldav-bad-url = { $url } is not a calendar address Meridian can use: { $why }
caldav-unreachable = { $url } did not answer ({ $detail }); Meridian keeps the changes and tries again
caldav-unauthorized = { $url } refused the user name or password (401): check them, or use an app password
caldav-forbidden = { $url } does not let this account do that (403): ask the server's admin, or choose a calendar this account owns
caldav-not-found = nothing at { $url } (404): check the calendar's address
caldav-changed = { $url } was changed or deleted on the server by someone else (412)
caldav-full = the server is out of space for { $url } (507): ask its admin
caldav-status = { $url } answered { $status }: { $detail }
caldav-protocol = { $url } sent an answer Meridian cannot read: { $detail }

# src/caldav/mod.rs: why an address is refused ($why above).
caldav-url-too-long = longer than { $max } characters
caldav-url-has-password = put the user name and password in their own fields, not in the address
caldav-url-has-query = a calendar address has no ?query or #fragment
caldav-url-plain-http = plain http would send the password unencrypted; use https (http is allowed only to this computer)
caldav-url-not-https = use an https:// address

# src/caldav/mod.rs: details of a refusal or an unreadable answer ($detail above).
caldav-no-parent-folder = the folder above it does not exist (409): check the address
caldav-folder-not-calendar = this address is a folder but not a calendar; give a calendar's address, or a new one under your calendars
caldav-too-many-events = the calendar holds more than { $max } events
