<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>DiskMerge</name>
        <message numerus="yes">
            <source>Merged the changes made on disk to {name}: %n conflict(s) to resolve in the Conflicts panel, then save.</source>
            <translation>
                <numerusform>Merged the changes made on disk to {name}: %n conflict to resolve in the Conflicts panel, then save.</numerusform>
                <numerusform>Merged the changes made on disk to {name}: %n conflicts to resolve in the Conflicts panel, then save.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>Imported {names}: {summary} (%n warning(s); the first: {first})</source>
            <translation>
                <numerusform>Imported {names}: {summary} (%n warning; the first: {first})</numerusform>
                <numerusform>Imported {names}: {summary} (%n warnings; the first: {first})</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Placement</name>
        <message numerus="yes">
            <source>Place %n segment(s) that had no position</source>
            <translation>
                <numerusform>Place %n segment that had no position</numerusform>
                <numerusform>Place %n segments that had no position</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Placed %n segment(s) that had no position; the file changes only when you save.</source>
            <translation>
                <numerusform>Placed %n segment that had no position; the file changes only when you save.</numerusform>
                <numerusform>Placed %n segments that had no position; the file changes only when you save.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>conflicts</name>
        <message numerus="yes">
            <source>%n conflict(s) left to decide</source>
            <translation>
                <numerusform>%n conflict left to decide</numerusform>
                <numerusform>%n conflicts left to decide</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n pair(s) of similar segments found.</source>
            <translation>
                <numerusform>%n pair of similar segments found.</numerusform>
                <numerusform>%n pairs of similar segments found.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>export</name>
        <message numerus="yes">
            <source>Exported {name} ({label}); %n warning(s), the first: {first}</source>
            <translation>
                <numerusform>Exported {name} ({label}); %n warning, the first: {first}</numerusform>
                <numerusform>Exported {name} ({label}); %n warnings, the first: {first}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>inspector</name>
        <message numerus="yes">
            <source>%n item(s) selected</source>
            <translation>
                <numerusform>%n item selected</numerusform>
                <numerusform>%n items selected</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Set {region} status of %n segment(s)</source>
            <translation>
                <numerusform>Set {region} status of %n segment</numerusform>
                <numerusform>Set {region} status of %n segments</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>merge</name>
        <message numerus="yes">
            <source>Merged {n} copies: %n conflict(s) to resolve. Save it with Save As.</source>
            <translation>
                <numerusform>Merged {n} copies: %n conflict to resolve. Save it with Save As.</numerusform>
                <numerusform>Merged {n} copies: %n conflicts to resolve. Save it with Save As.</numerusform>
            </translation>
        </message>
    </context>
</TS>
