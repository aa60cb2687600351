<#
.SYNOPSIS
    Starts BLIQ Kiosk, under its watchdog, every time this Windows user logs in.

.DESCRIPTION
    Puts a shortcut "BLIQ Kiosk" in this user's Startup folder that runs
    "bliq-kiosk.exe supervise [options]": the watchdog starts the kiosk and restarts it
    within seconds if it hangs or crashes. Also turns off the screen saver and the display,
    sleep and hibernate timeouts while on mains power, so the screen stays on all day.
    Run it from the bundle's "windows" folder, as the user the kiosk runs as (not as admin).

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File install-startup.ps1 -Content D:\mijn-pack -Event techniekmarkt-2026

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File install-startup.ps1 -Uninstall
#>
[CmdletBinding()]
param(
    [string]$Content,          # content pack folder (default: the sample pack in the bundle)
    [string]$EventId,          # pins one event whatever the date (leave out: the pack's dates decide)
    [string]$Data,             # data folder for the database and logs (default: per user)
    [switch]$KeepPowerSettings,  # leave screen saver and power timeouts as they are
    [switch]$Uninstall
)
$ErrorActionPreference = 'Stop'

$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$bundle = Split-Path -Parent $here
$exe = Join-Path $bundle 'bliq-kiosk.exe'
$cli = Join-Path $bundle 'bliq-kiosk-cli.exe'   # the same program with a console, for tools
$startup = [Environment]::GetFolderPath('Startup')
$link = Join-Path $startup 'BLIQ Kiosk.lnk'

if ($Uninstall) {
    Remove-Item -LiteralPath $link -ErrorAction SilentlyContinue
    & (Join-Path $here 'install-studio.ps1') -Uninstall | Out-Null
    Write-Output "Removed $link (the data folder is kept)."
    exit 0
}
if (-not (Test-Path -LiteralPath $exe)) {
    Write-Error "bliq-kiosk.exe not found in $bundle; run this script from the bundle's windows folder."
    exit 2
}

function Quote([string]$word) {
    # CommandLineToArgvW rules: quote words with spaces; a trailing backslash before the
    # closing quote must be doubled.
    if ($word -notmatch '[\s"]') { return $word }
    return '"' + ($word -replace '(\\*)"', '$1$1\"' -replace '(\\+)$', '$1$1') + '"'
}

$arguments = @('supervise')
if ($Content) {
    if (-not (Test-Path -LiteralPath $Content -PathType Container)) {
        Write-Error "-Content ${Content}: not a folder"; exit 2
    }
    $arguments += @('--content', (Resolve-Path -LiteralPath $Content).Path)
}
if ($EventId) { $arguments += @('--event', $EventId) }
if ($Data) {
    New-Item -ItemType Directory -Force -Path $Data | Out-Null
    $arguments += @('--data', (Resolve-Path -LiteralPath $Data).Path)
}

# Check the options now (the watchdog would refuse them at every log-in otherwise).
$check = @('check')
if ($Content) { $check += (Resolve-Path -LiteralPath $Content).Path } else { $check += (Join-Path $bundle '_internal\episodes') }
& $cli @check | Out-Null
if ($LASTEXITCODE -ne 0) {
    Write-Warning "The content pack has problems; see: `"$cli`" $($check -join ' '). The kiosk skips what it cannot show."
}

$shell = New-Object -ComObject WScript.Shell
$shortcut = $shell.CreateShortcut($link)
$shortcut.TargetPath = $exe
$shortcut.Arguments = ($arguments | ForEach-Object { Quote $_ }) -join ' '
$shortcut.WorkingDirectory = $bundle
$shortcut.IconLocation = "$exe,0"
$shortcut.Description = 'BLIQ Kiosk (with watchdog)'
$shortcut.Save()
Write-Output "Startup shortcut: $link"
Write-Output "Runs: `"$exe`" $($shortcut.Arguments)"

if (-not $KeepPowerSettings) {
    # Screen saver off for this user; display, sleep and hibernate never on mains power.
    Set-ItemProperty -Path 'HKCU:\Control Panel\Desktop' -Name ScreenSaveActive -Value '0'
    Set-ItemProperty -Path 'HKCU:\Control Panel\Desktop' -Name ScreenSaverIsSecure -Value '0'
    foreach ($setting in 'monitor-timeout-ac', 'standby-timeout-ac', 'hibernate-timeout-ac') {
        & powercfg /change $setting 0
        if ($LASTEXITCODE -ne 0) { Write-Warning "powercfg /change $setting 0 failed (needs a power plan you may change)" }
    }
    Write-Output 'Screen saver off; display, sleep and hibernate timeouts off on mains power.'
}
# The organisers' app beside it: BLIQ Studio in the Start menu and on the desktop.
& (Join-Path $here 'install-studio.ps1')
Write-Output 'Done. Sign out and in again (or restart) to check that the kiosk starts by itself.'
