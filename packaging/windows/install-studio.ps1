<#
.SYNOPSIS
    Puts BLIQ Studio, the organisers' app, in this user's Start menu and on the desktop.

.DESCRIPTION
    Makes two shortcuts "BLIQ Studio" that run "bliq-studio.exe" from this bundle: one in
    the Start menu (Programs) and one on the desktop. An organiser then prepares her event
    by clicking it; no command line. Run it from the bundle's "windows" folder as the user
    who will use the studio (not as admin). install-startup.ps1 runs it too, so a kiosk PC
    has the studio at hand as well.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File install-studio.ps1

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File install-studio.ps1 -NoDesktop

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File install-studio.ps1 -Uninstall
#>
[CmdletBinding()]
param(
    [switch]$NoDesktop,        # only the Start menu entry
    [switch]$Uninstall
)
$ErrorActionPreference = 'Stop'

$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$bundle = Split-Path -Parent $here
$exe = Join-Path $bundle 'bliq-studio.exe'
$links = @(Join-Path ([Environment]::GetFolderPath('Programs')) 'BLIQ Studio.lnk')
if (-not $NoDesktop) {
    $links += Join-Path ([Environment]::GetFolderPath('Desktop')) 'BLIQ Studio.lnk'
}

if ($Uninstall) {
    foreach ($link in $links) { Remove-Item -LiteralPath $link -ErrorAction SilentlyContinue }
    Write-Output "Removed the BLIQ Studio shortcuts (your packs and drafts are kept)."
    exit 0
}
if (-not (Test-Path -LiteralPath $exe)) {
    Write-Error "bliq-studio.exe not found in $bundle; run this script from the bundle's windows folder."
    exit 2
}

$shell = New-Object -ComObject WScript.Shell
foreach ($link in $links) {
    $shortcut = $shell.CreateShortcut($link)
    $shortcut.TargetPath = $exe
    $shortcut.WorkingDirectory = $bundle
    $shortcut.IconLocation = "$exe,0"
    $shortcut.Description = 'BLIQ Studio: maak de kiosk klaar voor jouw event / prepare the kiosk for your event'
    $shortcut.Save()
    Write-Output "Shortcut: $link"
}
Write-Output 'Done. Start BLIQ Studio from the Start menu or the desktop.'
