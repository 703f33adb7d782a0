<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CausalMarks</name>
    <message>
        <source>decides the outcome</source>
        <translation>entscheidet den Ausgang</translation>
    </message>
    <message>
        <source>does not matter for the outcome</source>
        <translation>ist für den Ausgang unerheblich</translation>
    </message>
</context>
<context>
    <name>HostPublisher</name>
    <message>
        <source>the followers&apos; session parted from the teacher&apos;s: publishing it afresh</source>
        <translation>die Sitzung der Folgenden ist von der der Lehrkraft abgewichen: sie wird neu veröffentlicht</translation>
    </message>
    <message>
        <source>not published (%1): %2</source>
        <translation>nicht veröffentlicht (%1): %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Turning points: not available (%1).</source>
        <translation>Wendepunkte: nicht verfügbar (%1).</translation>
    </message>
    <message>
        <source>Turning points: none (nothing became impossible or inevitable).</source>
        <translation>Wendepunkte: keine (nichts wurde unmöglich oder unvermeidlich).</translation>
    </message>
    <message>
        <source>Turning points: after step %1.</source>
        <translation>Wendepunkte: nach Schritt %1.</translation>
    </message>
    <message>
        <source>Still possible: %1 · inevitable: %2</source>
        <translation>Noch möglich: %1 · unvermeidlich: %2</translation>
    </message>
    <message>
        <source>out of memory while keeping the state graph</source>
        <translation>kein Speicher mehr für den Zustandsgraphen</translation>
    </message>
    <message>
        <source>&amp;Fade steps that do not matter</source>
        <translation>Unerhebliche Schritte &amp;abblenden</translation>
    </message>
    <message>
        <source>When the run shows an outcome, fade the steps outside its causal slice in the History, the lanes and the exports</source>
        <translation>Zeigt der Lauf einen Ausgang, werden die Schritte außerhalb seines kausalen Ausschnitts im Verlauf, in den Bahnen und in den Exporten abgeblendet</translation>
    </message>
    <message>
        <source>type an expression, e.g. page_count(D0) or sleeping(T2)</source>
        <translation>einen Ausdruck eingeben, z. B. page_count(D0) oder sleeping(T2)</translation>
    </message>
    <message>
        <source>%1 is already watched</source>
        <translation>%1 wird schon beobachtet</translation>
    </message>
    <message>
        <source>completion</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>a deadlock</source>
        <translation>ein Deadlock</translation>
    </message>
    <message>
        <source>a livelock</source>
        <translation>ein Livelock</translation>
    </message>
    <message>
        <source>a lost update</source>
        <translation>ein verlorenes Update</translation>
    </message>
    <message>
        <source>stale page use</source>
        <translation>Seite nach Freigabe benutzt</translation>
    </message>
    <message>
        <source>%1 can no longer be avoided</source>
        <translation>%1 lässt sich nicht mehr vermeiden</translation>
    </message>
    <message>
        <source>%1 is no longer possible</source>
        <translation>%1 ist nicht mehr möglich</translation>
    </message>
</context>
<context>
    <name>RecordingExporter</name>
    <message>
        <source>the recording does not replay: %1</source>
        <translation>die Aufzeichnung lässt sich nicht nachspielen: %1</translation>
    </message>
    <message>
        <source>Migration Sandbox: %1</source>
        <translation>Migration Sandbox: %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 lässt sich nicht schreiben</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>Preset: %1</translation>
    </message>
    <message>
        <source>Threads: %1    Pages: %2</source>
        <translation>Threads: %1    Seiten: %2</translation>
    </message>
    <message>
        <source>Steps: %1</source>
        <translation>Schritte: %1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Ausgang: %1</translation>
    </message>
    <message>
        <source>Safety flags: %1</source>
        <translation>Sicherheits-Flags: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Livelock round: the final state equals the state after step %1.</source>
        <translation>Livelock-Runde: der Endzustand gleicht dem Zustand nach Schritt %1.</translation>
    </message>
    <message>
        <source>Which steps matter: %1 of %2 cause %3; the other steps&apos; pages say “does not matter for the outcome” and are greyed.</source>
        <translation>Welche Schritte zählen: %1 von %2 verursachen %3; auf den Seiten der übrigen Schritte steht „ist für den Ausgang unerheblich“, und sie sind ausgegraut.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3 runs %4</source>
        <translation>Schritt %1 von %2: %3 führt %4 aus</translation>
    </message>
    <message>
        <source>%1()  %2   kernel notes %3
</source>
        <translation>%1()  %2   Kernel-Notizen %3
</translation>
    </message>
    <message>
        <source>cannot finish %1</source>
        <translation>%1 lässt sich nicht abschließen</translation>
    </message>
    <message>
        <source>cannot create directory %1</source>
        <translation>Verzeichnis %1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <source>ffmpeg not found: install it with apt-get install ffmpeg</source>
        <translation>ffmpeg nicht gefunden: mit apt-get install ffmpeg installieren</translation>
    </message>
    <message>
        <source>cannot create a temporary directory</source>
        <translation>ein temporäres Verzeichnis lässt sich nicht anlegen</translation>
    </message>
    <message>
        <source>cannot start %1</source>
        <translation>%1 lässt sich nicht starten</translation>
    </message>
    <message>
        <source>ffmpeg palettegen failed: %1</source>
        <translation>ffmpeg palettegen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>ffmpeg failed: %1</source>
        <translation>ffmpeg fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Restore the last session?</source>
        <translation>Letzte Sitzung wiederherstellen?</translation>
    </message>
    <message>
        <source>Migration Sandbox did not close normally last time. Restore that session?

%1</source>
        <translation>Migration Sandbox wurde beim letzten Mal nicht normal beendet. Diese Sitzung wiederherstellen?

%1</translation>
    </message>
</context>
<context>
    <name>msb::app</name>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>No students following yet</source>
        <translation>Noch folgen keine Lernenden</translation>
    </message>
    <message>
        <source>1 student follows</source>
        <translation>1 Lernende(r) folgt</translation>
    </message>
    <message>
        <source>%1 students follow</source>
        <translation>%1 Lernende folgen</translation>
    </message>
    <message>
        <source>%1: %2 app, %3 browser</source>
        <translation>%1: %2 in der App, %3 im Browser</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Classroom</source>
        <translation>Unterricht</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lektionen</translation>
    </message>
    <message>
        <source>Open lesson &amp;file…</source>
        <translation>Lektions&amp;datei öffnen…</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Lektion öffnen</translation>
    </message>
    <message>
        <source>Lessons (*.json)</source>
        <translation>Lektionen (*.json)</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Lesson: next step or page</source>
        <translation>Lektion: nächster Schritt oder nächste Seite</translation>
    </message>
    <message>
        <source>Lesson: previous page</source>
        <translation>Lektion: vorige Seite</translation>
    </message>
    <message>
        <source>&amp;Close lesson</source>
        <translation>Lektion &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Classroom</source>
        <translation>&amp;Unterricht</translation>
    </message>
    <message>
        <source>&amp;Host a class…</source>
        <translation>Klasse &amp;leiten…</translation>
    </message>
    <message>
        <source>&amp;Join a class…</source>
        <translation>Klasse &amp;beitreten…</translation>
    </message>
    <message>
        <source>&amp;Detach: explore on my own</source>
        <translation>&amp;Abkoppeln: selbst erkunden</translation>
    </message>
    <message>
        <source>&amp;Re-attach to the teacher</source>
        <translation>&amp;Wieder der Lehrkraft folgen</translation>
    </message>
    <message>
        <source>&amp;Leave the class</source>
        <translation>Klasse &amp;verlassen</translation>
    </message>
    <message>
        <source>&amp;Stop hosting</source>
        <translation>Leiten be&amp;enden</translation>
    </message>
    <message>
        <source>Re&amp;veal the answer to the class</source>
        <translation>Der Klasse die Antwort &amp;zeigen</translation>
    </message>
    <message>
        <source>E&amp;xport the room&apos;s answers (CSV)…</source>
        <translation>Antworten des Raums e&amp;xportieren (CSV)…</translation>
    </message>
    <message>
        <source>Export the room&apos;s answers</source>
        <translation>Antworten des Raums exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>The room&apos;s answers</source>
        <translation>Antworten des Raums</translation>
    </message>
    <message>
        <source>Show the room&apos;s &amp;answers</source>
        <translation>Antworten des &amp;Raums zeigen</translation>
    </message>
    <message>
        <source>The teacher ended the class.</source>
        <translation>Die Lehrkraft hat den Unterricht beendet.</translation>
    </message>
    <message>
        <source>Teacher asks: %1</source>
        <translation>Die Lehrkraft fragt: %1</translation>
    </message>
    <message>
        <source>Answer the lesson&apos;s question first (Lesson panel)</source>
        <translation>Erst die Frage der Lektion beantworten (Lektionsbereich)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>%1  %2
%3()  %4   kernel notes %5</source>
        <translation>%1  %2
%3()  %4   Kernel-Notizen %5</translation>
    </message>
    <message>
        <source>Preset %1 · threads %2 · %3 steps</source>
        <translation>Preset %1 · Threads %2 · %3 Schritte</translation>
    </message>
    <message>
        <source>Migration Sandbox: %1</source>
        <translation>Migration Sandbox: %1</translation>
    </message>
    <message>
        <source>cannot render the scene of position %1 as SVG</source>
        <translation>die Szene von Position %1 lässt sich nicht als SVG zeichnen</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 lässt sich nicht schreiben</translation>
    </message>
    <message>
        <source>Open scenario or recording</source>
        <translation>Szenario oder Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Scenarios and recordings (*.json);;All files (*)</source>
        <translation>Szenarien und Aufzeichnungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>PDF handout (*.pdf)</source>
        <translation>PDF-Handout (*.pdf)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4-Video (*.mp4)</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>GIF-Animation (*.gif)</translation>
    </message>
    <message>
        <source>SVG frames, one per step (directory)</source>
        <translation>SVG-Bilder, eines je Schritt (Verzeichnis)</translation>
    </message>
    <message>
        <source>PNG frames, one per step (directory)</source>
        <translation>PNG-Bilder, eines je Schritt (Verzeichnis)</translation>
    </message>
    <message>
        <source>Export recording</source>
        <translation>Aufzeichnung exportieren</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open scenario or recording…</source>
        <translation>Szenario oder Aufzeichnung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Save &amp;recording…</source>
        <translation>Aufzeichnung &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Export recording…</source>
        <translation>Aufzeichnung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save &amp;chart as</source>
        <translation>&amp;Diagramm speichern als</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Save recording</source>
        <translation>Aufzeichnung speichern</translation>
    </message>
    <message>
        <source>Recordings (*.msrec.json)</source>
        <translation>Aufzeichnungen (*.msrec.json)</translation>
    </message>
    <message>
        <source>unknown export format &quot;%1&quot;</source>
        <translation>unbekanntes Exportformat „%1“</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Interner Fehler</translation>
    </message>
    <message>
        <source>Something went wrong inside Migration Sandbox, and the last action was stopped:

%1

Your session is still here. Saving a recording now is a good idea.</source>
        <translation>In Migration Sandbox ist etwas schiefgegangen, die letzte Aktion wurde abgebrochen:

%1

Ihre Sitzung ist noch da. Jetzt eine Aufzeichnung zu speichern ist eine gute Idee.</translation>
    </message>
    <message>
        <source>Press a thread&apos;s Step button or its key (1–%1). ← / → undo and redo, Space plays, R resets.</source>
        <translation>Drücken Sie die Schritt-Taste eines Threads oder seine Taste (1–%1). ← / → macht rückgängig und wiederholt, Leertaste spielt ab, R setzt zurück.</translation>
    </message>
    <message>
        <source> To see %1: step %2 (keys %3), then flip the switch on the left.</source>
        <translation> Um %1 zu sehen: %2 schrittweise ausführen (Tasten %3), dann links den Schalter umlegen.</translation>
    </message>
    <message>
        <source>side %1: unknown preset &quot;%2&quot;</source>
        <translation>Seite %1: unbekanntes Preset „%2“</translation>
    </message>
    <message>
        <source>side %1, %2: both sides run the window&apos;s scenario; change it in Scenario &gt; Edit</source>
        <translation>Seite %1, %2: beide Seiten laufen auf dem Szenario des Fensters; ändern Sie es unter Szenario &gt; Bearbeiten</translation>
    </message>
    <message>
        <source>side %1, knob %2: %3</source>
        <translation>Seite %1, Stellschraube %2: %3</translation>
    </message>
    <message>
        <source>from the initial state, repeat [%1]</source>
        <translation>vom Anfangszustand an [%1] wiederholen</translation>
    </message>
    <message>
        <source>%1, then repeat [%2]</source>
        <translation>%1, dann [%2] wiederholen</translation>
    </message>
    <message>
        <source>yes (%1 states</source>
        <translation>ja (%1 Zustände</translation>
    </message>
    <message>
        <source>no (%1 states</source>
        <translation>nein (%1 Zustände</translation>
    </message>
    <message>
        <source>, INCOMPLETE: %1</source>
        <translation>, UNVOLLSTÄNDIG: %1</translation>
    </message>
    <message>
        <source> Then %1 cannot run choice %2: %3.</source>
        <translation> Danach kann %1 Wahl %2 nicht ausführen: %3.</translation>
    </message>
    <message>
        <source>%1 livelocks, %2 does not: %1&apos;s shortest livelock: %3. </source>
        <translation>%1 gerät in einen Livelock, %2 nicht: kürzester Livelock von %1: %3. </translation>
    </message>
    <message>
        <source>round %1 of the cycle</source>
        <translation>Runde %1 des Zyklus</translation>
    </message>
    <message>
        <source>On the same choices %1 ends (%2) in %3.</source>
        <translation>Bei denselben Wahlen endet %1 (%2) in %3.</translation>
    </message>
    <message>
        <source>On the same choices %1 cannot follow them, in %2.</source>
        <translation>Denselben Wahlen kann %1 nicht folgen, in %2.</translation>
    </message>
    <message>
        <source>On the same choices %1 is back, after %2, in a state an earlier round started from: it loops too, but not as a livelock (a thread that stays ready never runs).</source>
        <translation>Bei denselben Wahlen ist %1 nach %2 wieder in einem Zustand, in dem eine frühere Runde begann: auch %1 kreist, aber nicht als Livelock (ein Thread, der bereit bleibt, läuft nie).</translation>
    </message>
    <message>
        <source>On the same choices %1 stalls in %2: the cycle only chooses threads that have finished there, and %3 never gets a choice.</source>
        <translation>Bei denselben Wahlen bleibt %1 in %2 stehen: der Zyklus wählt nur Threads, die dort fertig sind, und %3 kommt nie an die Reihe.</translation>
    </message>
    <message>
        <source>On the same choices %1 is still running after %2 rounds of the cycle.</source>
        <translation>Bei denselben Wahlen läuft %1 nach %2 Runden des Zyklus noch.</translation>
    </message>
    <message>
        <source>(no choice: the initial state)</source>
        <translation>(keine Wahl: der Anfangszustand)</translation>
    </message>
    <message>
        <source>nothing (finished)</source>
        <translation>nichts (fertig)</translation>
    </message>
    <message>
        <source>first divergence: choice %1 (%2): A runs %3, B runs %4%5</source>
        <translation>erste Abweichung: Wahl %1 (%2): A führt %3 aus, B führt %4 aus%5</translation>
    </message>
    <message>
        <source>, and the states differ after it</source>
        <translation>, und danach unterscheiden sich die Zustände</translation>
    </message>
    <message>
        <source>No schedule tells them apart (%1 pair states explored, the whole pair graph): every schedule both can run ends the same way, and the livelock verdicts agree.</source>
        <translation>Kein Ablauf unterscheidet sie (%1 Paarzustände erkundet, der ganze Paargraph): jeder Ablauf, den beide ausführen können, endet gleich, und die Livelock-Urteile stimmen überein.</translation>
    </message>
    <message>
        <source>Shortest differing schedule (%1 choices): %2. A: %3; B: %4.</source>
        <translation>Kürzester abweichender Ablauf (%1 Wahlen): %2. A: %3; B: %4.</translation>
    </message>
    <message>
        <source>At the end of a schedule: no difference among the pairs explored; the search is incomplete (%1), so one may exist.</source>
        <translation>Am Ende eines Ablaufs: kein Unterschied unter den erkundeten Paaren; die Suche ist unvollständig (%1), es kann also einen geben.</translation>
    </message>
    <message>
        <source>At the end of a schedule: no schedule both can run ends differently.</source>
        <translation>Am Ende eines Ablaufs: kein Ablauf, den beide ausführen können, endet verschieden.</translation>
    </message>
    <message>
        <source>Pair search: %1 pair states, %2 transitions, %3 s. Livelock (fairness %4): A %5, B %6.</source>
        <translation>Paarsuche: %1 Paarzustände, %2 Übergänge, %3 s. Livelock (Fairness %4): A %5, B %6.</translation>
    </message>
    <message>
        <source>step %1 (%2 %3)</source>
        <translation>Schritt %1 (%2 %3)</translation>
    </message>
    <message>
        <source>Livelock round: back where everyone started</source>
        <translation>Livelock-Runde: alle wieder am Anfang</translation>
    </message>
    <message>
        <source>The state after step %1 is the initial state: the migration failed and everyone is back where they started. The same interleaving can repeat forever.</source>
        <translation>Der Zustand nach Schritt %1 ist der Anfangszustand: die Migration ist gescheitert, und alle stehen wieder am Anfang. Dieselbe Verzahnung kann sich endlos wiederholen.</translation>
    </message>
    <message>
        <source>The state after step %1 is the state after step %2: the migration failed and everyone is back where they started. The same interleaving can repeat forever.</source>
        <translation>Der Zustand nach Schritt %1 ist der Zustand nach Schritt %2: die Migration ist gescheitert, und alle stehen wieder am Anfang. Dieselbe Verzahnung kann sich endlos wiederholen.</translation>
    </message>
    <message>
        <source> Why: at %1 the check failed</source>
        <translation> Warum: bei %1 schlug die Prüfung fehl</translation>
    </message>
    <message>
        <source>: an extra reference taken by the other fault made the count differ, so the migration gave up and restored the entry.</source>
        <translation>: eine zusätzliche Referenz des anderen Faults machte den Zähler ungleich, also gab die Migration auf und stellte den Eintrag wieder her.</translation>
    </message>
    <message>
        <source> See %1.</source>
        <translation> Siehe %1.</translation>
    </message>
    <message>
        <source>SIGBUS: the process was killed</source>
        <translation>SIGBUS: der Prozess wurde beendet</translation>
    </message>
    <message>
        <source>The page could not be migrated and the driver returned VM_FAULT_SIGBUS, as the migrate_vma_setup documentation asks. The access never completes: the process dies for a transient refcount.</source>
        <translation>Die Seite ließ sich nicht migrieren, und der Treiber gab VM_FAULT_SIGBUS zurück, wie es die Dokumentation von migrate_vma_setup verlangt. Der Zugriff wird nie fertig: der Prozess stirbt an einem vorübergehenden Refcount.</translation>
    </message>
    <message>
        <source>Stale page use: a freed device page was used</source>
        <translation>Seite nach Freigabe benutzt: eine freigegebene Geräteseite wurde verwendet</translation>
    </message>
    <message>
        <source>A fault went on to call the driver for a device-private page that had already been freed back to the driver pool: the fault path held no reference to it (the v5.11 unreferenced path, CVE-2022-3523).</source>
        <translation>Ein Fault rief den Treiber für eine device-private Seite auf, die schon in den Treiber-Pool zurückgegeben war: der Fault-Pfad hielt keine Referenz auf sie (der referenzlose Pfad von v5.11, CVE-2022-3523).</translation>
    </message>
    <message>
        <source>Skipping the refcount check let the migration commit while H still used the page.</source>
        <translation>Ohne die Refcount-Prüfung schloss die Migration ab, während H die Seite noch benutzte.</translation>
    </message>
    <message>
        <source>The count test runs after the copy: H&apos;s reference came and went between the copy and the check, so the count looked right and the stale copy was committed. Only a test before the copy (v5.17) closes that window.</source>
        <translation>Der Zählertest läuft nach der Kopie: die Referenz von H kam und ging zwischen Kopie und Prüfung, der Zähler sah also richtig aus, und die veraltete Kopie wurde übernommen. Erst ein Test vor der Kopie (v5.17) schließt dieses Fenster.</translation>
    </message>
    <message>
        <source>Lost update: a write vanished</source>
        <translation>Verlorenes Update: ein Schreibzugriff ist verschwunden</translation>
    </message>
    <message>
        <source>The holder H wrote to the device page through its genuine reference, but the process now maps a copy that does not contain that write. </source>
        <translation>Der Halter H schrieb über seine echte Referenz in die Geräteseite, aber der Prozess bildet jetzt eine Kopie ab, in der dieser Schreibzugriff fehlt. </translation>
    </message>
    <message>
        <source>Completed: the page migrated and every access finished</source>
        <translation>Fertig: die Seite ist migriert, und jeder Zugriff ist abgeschlossen</translation>
    </message>
    <message>
        <source>Every faulting thread&apos;s access completed and the page table now maps the new system page.</source>
        <translation>Der Zugriff jedes faultenden Threads ist abgeschlossen, und die Seitentabelle bildet jetzt die neue Systemseite ab.</translation>
    </message>
    <message>
        <source> The migration committed at %1</source>
        <translation> Die Migration schloss bei %1 ab</translation>
    </message>
    <message>
        <source>Deadlock: no thread can step</source>
        <translation>Deadlock: kein Thread kann einen Schritt machen</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <source>Some threads are unfinished and none can move: %1.</source>
        <translation>Einige Threads sind nicht fertig, und keiner kommt weiter: %1.</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>läuft noch</translation>
    </message>
    <message>
        <source>lost update</source>
        <translation>verlorenes Update</translation>
    </message>
    <message>
        <source>stale page use</source>
        <translation>Seite nach Freigabe benutzt</translation>
    </message>
    <message>
        <source>completes always</source>
        <translation>wird immer fertig</translation>
    </message>
    <message>
        <source>completes possible</source>
        <translation>kann fertig werden</translation>
    </message>
    <message>
        <source> (bound reached)</source>
        <translation> (Grenze erreicht)</translation>
    </message>
    <message>
        <source>Step forward: redo (Right)</source>
        <translation>Schritt vor: wiederholen (Rechts)</translation>
    </message>
    <message>
        <source>Play or pause the auto-scheduler (Space)</source>
        <translation>Auto-Scheduler abspielen oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <source>One step chosen by the auto-scheduler (A)</source>
        <translation>Ein Schritt, vom Auto-Scheduler gewählt (A)</translation>
    </message>
    <message>
        <source>%1: cannot read it</source>
        <translation>%1: nicht lesbar</translation>
    </message>
    <message>
        <source>%1: not a version %2 session file</source>
        <translation>%1: keine Sitzungsdatei der Version %2</translation>
    </message>
    <message>
        <source>%1: answers: %2</source>
        <translation>%1: Antworten: %2</translation>
    </message>
    <message>
        <source>%1 under %2, step %3 of %4</source>
        <translation>%1 unter %2, Schritt %3 von %4</translation>
    </message>
    <message>
        <source>, %1 narrated</source>
        <translation>, %1 erläutert</translation>
    </message>
    <message>
        <source>, lesson %1</source>
        <translation>, Lektion %1</translation>
    </message>
    <message>
        <source>holder H</source>
        <translation>Halter H</translation>
    </message>
    <message>
        <source>migrator M</source>
        <translation>Migrierer M</translation>
    </message>
    <message>
        <source>waiter W</source>
        <translation>Wartender W</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Reduce &amp;motion</source>
        <translation>&amp;Bewegung reduzieren</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Explore</source>
        <translation>&amp;Erkunden</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>D&amp;iagramme</translation>
    </message>
    <message>
        <source>%1 tab</source>
        <translation>Reiter %1</translation>
    </message>
    <message>
        <source>completes</source>
        <translation>wird fertig</translation>
    </message>
    <message>
        <source>deadlock</source>
        <translation>Deadlock</translation>
    </message>
    <message>
        <source>livelock</source>
        <translation>Livelock</translation>
    </message>
    <message>
        <source>the livelock round</source>
        <translation>die Livelock-Runde</translation>
    </message>
</context>
<context>
    <name>msb::app::ChartsPanel</name>
    <message>
        <source>Refcount timeline</source>
        <translation>Refcount-Zeitleiste</translation>
    </message>
    <message>
        <source>Odds</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>Exploration</source>
        <translation>Erkundung</translation>
    </message>
</context>
<context>
    <name>msb::app::CheckpointInput</name>
    <message>
        <source>page_count = </source>
        <translation>page_count = </translation>
    </message>
    <message>
        <source>Your answer: page_count</source>
        <translation>Ihre Antwort: page_count</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
</context>
<context>
    <name>msb::app::ClassroomBridge</name>
    <message>
        <source>already in a class: leave it first</source>
        <translation>schon in einer Klasse: erst verlassen</translation>
    </message>
</context>
<context>
    <name>msb::app::ClassroomDialog</name>
    <message>
        <source>Host a class</source>
        <translation>Klasse leiten</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>Nur dieser Rechner (127.0.0.1)</translation>
    </message>
    <message>
        <source>Open to the LAN (all interfaces, 0.0.0.0)</source>
        <translation>Offen für das LAN (alle Schnittstellen, 0.0.0.0)</translation>
    </message>
    <message>
        <source>Loopback until you choose to let students on other machines join</source>
        <translation>Loopback, bis Sie Lernende auf anderen Rechnern zulassen</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>leave empty for a random code</source>
        <translation>leer lassen für einen Zufallscode</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Lauschen auf</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Beitrittscode</translation>
    </message>
    <message>
        <source>Follow page for browsers</source>
        <translation>Folgeseite für Browser</translation>
    </message>
    <message>
        <source>Class log</source>
        <translation>Klassenprotokoll</translation>
    </message>
    <message>
        <source>Stop the class</source>
        <translation>Unterricht beenden</translation>
    </message>
    <message>
        <source>Start the class</source>
        <translation>Unterricht starten</translation>
    </message>
    <message>
        <source>Not hosting</source>
        <translation>Kein Unterricht geleitet</translation>
    </message>
    <message>
        <source>Start the class, then put this window on the projector.</source>
        <translation>Starten Sie den Unterricht und zeigen Sie dann dieses Fenster auf dem Beamer.</translation>
    </message>
    <message>
        <source>Students on the LAN use this machine&apos;s name or IP address</source>
        <translation>Lernende im LAN verwenden den Namen oder die IP-Adresse dieses Rechners</translation>
    </message>
    <message>
        <source>Only this computer can join</source>
        <translation>Nur dieser Rechner kann beitreten</translation>
    </message>
    <message>
        <source>In a browser: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Im Browser: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Students: Classroom ▸ Join a class… with the address above and this code, or open the page below in any browser and type the code</source>
        <translation>Lernende: Unterricht ▸ Klasse beitreten… mit der Adresse oben und diesem Code, oder die Seite unten in einem Browser öffnen und den Code eingeben</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>Start fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Join a class</source>
        <translation>Klasse beitreten</translation>
    </message>
    <message>
        <source>host:port, as on the teacher&apos;s screen</source>
        <translation>host:port, wie auf dem Bildschirm der Lehrkraft</translation>
    </message>
    <message>
        <source>the code on the projector</source>
        <translation>der Code auf dem Beamer</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Lehrkraft</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Joined: following the teacher.</source>
        <translation>Beigetreten: Sie folgen der Lehrkraft.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b3261e&apos;&gt;Could not join.&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#b3261e&apos;&gt;Beitritt fehlgeschlagen.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Retrying: %1</source>
        <translation>Neuer Versuch: %1</translation>
    </message>
    <message>
        <source>Type the teacher&apos;s address as host:port, e.g. 192.168.1.20:7331.</source>
        <translation>Geben Sie die Adresse der Lehrkraft als host:port ein, z. B. 192.168.1.20:7331.</translation>
    </message>
    <message>
        <source>Type the join code shown on the teacher&apos;s screen.</source>
        <translation>Geben Sie den Beitrittscode vom Bildschirm der Lehrkraft ein.</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Verbinde mit %1:%2…</translation>
    </message>
</context>
<context>
    <name>msb::app::ClassroomIntegration</name>
    <message>
        <source>Following teacher at %1</source>
        <translation>Folge der Lehrkraft auf %1</translation>
    </message>
    <message>
        <source>Exploring on your own (the teacher at %1 goes on; Re-attach to catch up)</source>
        <translation>Eigene Erkundung (die Lehrkraft auf %1 macht weiter; „Wieder folgen“ holt auf)</translation>
    </message>
    <message>
        <source>Following the teacher at %1 — detach to explore on your own</source>
        <translation>Folge der Lehrkraft auf %1 – abkoppeln, um selbst zu erkunden</translation>
    </message>
</context>
<context>
    <name>msb::app::CodePanel</name>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Pseudo-kernel line</source>
        <translation>Pseudo-Kernel-Zeile</translation>
    </message>
    <message>
        <source>Pseudo-kernel code</source>
        <translation>Pseudo-Kernel-Code</translation>
    </message>
    <message>
        <source>Every fault: do_swap_page</source>
        <translation>Jeder Fault: do_swap_page</translation>
    </message>
    <message>
        <source>M — the migrator: migrate_to_ram, migrate_vma_*</source>
        <translation>M – der Migrierer: migrate_to_ram, migrate_vma_*</translation>
    </message>
    <message>
        <source>W — a waiter: migration_entry_wait</source>
        <translation>W – ein Wartender: migration_entry_wait</translation>
    </message>
    <message>
        <source>H — a holder of a genuine reference</source>
        <translation>H – ein Halter einer echten Referenz</translation>
    </message>
    <message>
        <source>Hover or select a line to see the kernel function it stands for.</source>
        <translation>Zeigen Sie auf eine Zeile oder wählen Sie sie, um die Kernel-Funktion zu sehen, für die sie steht.</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; stands for &lt;code&gt;%2()&lt;/code&gt; in &lt;code&gt;%3&lt;/code&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; steht für &lt;code&gt;%2()&lt;/code&gt; in &lt;code&gt;%3&lt;/code&gt;</translation>
    </message>
    <message>
        <source> — kernel notes %1 (docs/kernel/notes.md). Nominal page_count(D) change: %2.</source>
        <translation> – Kernel-Notizen %1 (docs/kernel/notes.md). Nominelle Änderung von page_count(D): %2.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Read it at %1: &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;</source>
        <translation>&lt;br&gt;Nachzulesen in %1: &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No step taken yet.</source>
        <translation>Noch kein Schritt gemacht.</translation>
    </message>
    <message>
        <source>Last step: &lt;b&gt;%1 %2&lt;/b&gt; — page_count(D%3) %4 → %5 (&lt;b&gt;%6%7&lt;/b&gt;)%8</source>
        <translation>Letzter Schritt: &lt;b&gt;%1 %2&lt;/b&gt; – page_count(D%3) %4 → %5 (&lt;b&gt;%6%7&lt;/b&gt;)%8</translation>
    </message>
</context>
<context>
    <name>msb::app::ControlColumn</name>
    <message>
        <source>The check</source>
        <translation>Die Prüfung</translation>
    </message>
    <message>
        <source>Step a thread</source>
        <translation>Thread-Schritte</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Drag to move through the run; steps after the handle stay for redo</source>
        <translation>Ziehen, um sich durch den Lauf zu bewegen; Schritte hinter dem Griff bleiben zum Wiederholen</translation>
    </message>
    <message>
        <source>Timeline position</source>
        <translation>Position auf der Zeitleiste</translation>
    </message>
    <message>
        <source>Position in the run</source>
        <translation>Position im Lauf</translation>
    </message>
    <message>
        <source>Still possible from this position</source>
        <translation>Von dieser Position aus noch möglich</translation>
    </message>
    <message>
        <source>Steps per second while playing</source>
        <translation>Schritte pro Sekunde beim Abspielen</translation>
    </message>
    <message>
        <source>Playing speed, steps per second</source>
        <translation>Abspieltempo, Schritte pro Sekunde</translation>
    </message>
    <message>
        <source>Spee&amp;d:</source>
        <translation>&amp;Tempo:</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Reihum</translation>
    </message>
    <message>
        <source>Random (seeded)</source>
        <translation>Zufällig (mit Seed)</translation>
    </message>
    <message>
        <source>Auto-schedule</source>
        <translation>Auto-Scheduling</translation>
    </message>
    <message>
        <source>Random schedule seed</source>
        <translation>Seed des Zufallsablaufs</translation>
    </message>
    <message>
        <source>Auto-sc&amp;hedule:</source>
        <translation>Auto-Sc&amp;heduling:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Erläuterung</translation>
    </message>
    <message>
        <source>Narration of the current step</source>
        <translation>Erläuterung des aktuellen Schritts</translation>
    </message>
    <message>
        <source>Step first: narration belongs to the step that led here.</source>
        <translation>Erst einen Schritt machen: eine Erläuterung gehört zu dem Schritt, der hierher geführt hat.</translation>
    </message>
    <message>
        <source>Step %1: %2 %3</source>
        <translation>Schritt %1: %2 %3</translation>
    </message>
    <message>
        <source>What happens at this step, in your words (saved with the recording).</source>
        <translation>Was bei diesem Schritt geschieht, in Ihren Worten (wird mit der Aufzeichnung gespeichert).</translation>
    </message>
</context>
<context>
    <name>msb::app::DiffSideView</name>
    <message>
        <source>▶ first divergence</source>
        <translation>▶ erste Abweichung</translation>
    </message>
    <message>
        <source>Race scene, side %1</source>
        <translation>Race-Szene, Seite %1</translation>
    </message>
    <message>
        <source>Side %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Side %1: %2</source>
        <translation>Seite %1: %2</translation>
    </message>
</context>
<context>
    <name>msb::app::ExplorationChart</name>
    <message>
        <source>Explore every preset</source>
        <translation>Jedes Preset erkunden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>States discovered by the explorer</source>
        <translation>Vom Explorer entdeckte Zustände</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>States stored</source>
        <translation>Gespeicherte Zustände</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save exploration chart</source>
        <translation>Erkundungsdiagramm speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Exploring…</source>
        <translation>Erkunde…</translation>
    </message>
    <message>
        <source>Explored %1 under every preset.</source>
        <translation>%1 unter jedem Preset erkundet.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Scenario %1</source>
        <translation>Szenario %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>msb::app::ExplorationModel</name>
    <message>
        <source>%1: seconds</source>
        <translation>%1: Sekunden</translation>
    </message>
    <message>
        <source>%1: states</source>
        <translation>%1: Zustände</translation>
    </message>
</context>
<context>
    <name>msb::app::ExplorePanel</name>
    <message>
        <source>Not explored yet: every interleaving of the current scenario, under each preset, side by side.</source>
        <translation>Noch nicht erkundet: jede Verzahnung des aktuellen Szenarios, unter jedem Preset, nebeneinander.</translation>
    </message>
    <message>
        <source>Explore every interleaving</source>
        <translation>Jede Verzahnung erkunden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Compare two kernels…</source>
        <translation>Zwei Kernel vergleichen…</translation>
    </message>
    <message>
        <source>Fold interchangeable threads</source>
        <translation>Austauschbare Threads zusammenfassen</translation>
    </message>
    <message>
        <source>What tells two presets apart on this scenario: the shortest schedule whose outcomes differ, replayed side by side.</source>
        <translation>Was zwei Presets auf diesem Szenario unterscheidet: der kürzeste Ablauf mit verschiedenem Ausgang, nebeneinander nachgespielt.</translation>
    </message>
    <message>
        <source>Memory budget per preset:</source>
        <translation>Speicherbudget je Preset:</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Memory budget per preset</source>
        <translation>Speicherbudget je Preset</translation>
    </message>
    <message>
        <source>A run that would need more stops with an incomplete verdict instead of being killed for lack of memory. Automatic: three quarters of the memory available when the run starts.</source>
        <translation>Ein Lauf, der mehr bräuchte, endet mit einem unvollständigen Urteil, statt mangels Speicher beendet zu werden. Automatisch: drei Viertel des Speichers, der beim Start des Laufs frei ist.</translation>
    </message>
    <message>
        <source>Threads with the same program are interchangeable: one state per renaming is explored. The verdicts are the same and counterexamples still name real threads; only the state counts shrink.</source>
        <translation>Threads mit demselben Programm sind austauschbar: je Umbenennung wird ein Zustand erkundet. Die Urteile bleiben gleich, und Gegenbeispiele nennen weiterhin echte Threads; nur die Zustandszahlen schrumpfen.</translation>
    </message>
    <message>
        <source>Fairness:</source>
        <translation>Fairness:</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>Fairness</translation>
    </message>
    <message>
        <source>Weak: a livelock is a cycle in which every ready thread gets to run. None: any cycle in which no access completes; a thread may never get a CPU again, as when the lock holder waits for work queued behind a spinning CPU.</source>
        <translation>Schwach: ein Livelock ist ein Zyklus, in dem jeder bereite Thread zum Zug kommt. Keine: jeder Zyklus, in dem kein Zugriff fertig wird; ein Thread bekommt dann vielleicht nie wieder eine CPU, etwa wenn der Lock-Halter auf Arbeit wartet, die hinter einer spinnenden CPU eingereiht ist.</translation>
    </message>
    <message>
        <source>Exploring…</source>
        <translation>Erkunde…</translation>
    </message>
    <message>
        <source>Cancelled. Columns marked … were not explored.</source>
        <translation>Abgebrochen. Mit … markierte Spalten wurden nicht erkundet.</translation>
    </message>
    <message>
        <source>Exploring %1: %2 states, %3 transitions (%4)…</source>
        <translation>Erkunde %1: %2 Zustände, %3 Übergänge (%4)…</translation>
    </message>
    <message>
        <source>Done: %1 states in total, livelock under fairness %2%3. Click a red “YES ▸” to load its counterexample.</source>
        <translation>Fertig: insgesamt %1 Zustände, Livelock unter Fairness %2%3. Ein Klick auf ein rotes „JA ▸“ lädt das Gegenbeispiel.</translation>
    </message>
    <message>
        <source> (a thread may never run again)</source>
        <translation> (ein Thread läuft vielleicht nie wieder)</translation>
    </message>
    <message>
        <source> (every ready thread runs)</source>
        <translation> (jeder bereite Thread läuft)</translation>
    </message>
    <message>
        <source> Incomplete: %1 stopped at the memory budget (%2), so their “?” cells are unknown. Raise the memory budget or explore a smaller scenario.</source>
        <translation> Unvollständig: %1 hielt beim Speicherbudget an (%2), deren „?“-Zellen sind also unbekannt. Erhöhen Sie das Speicherbudget oder erkunden Sie ein kleineres Szenario.</translation>
    </message>
    <message>
        <source> Incomplete: some runs hit the state limit, so their “?” cells are unknown.</source>
        <translation> Unvollständig: einige Läufe erreichten die Zustandsgrenze, deren „?“-Zellen sind also unbekannt.</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
</context>
<context>
    <name>msb::app::FindStateBox</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Find a &amp;state:</source>
        <translation>&amp;Zustand suchen:</translation>
    </message>
    <message>
        <source>page_count(D0) == 3 &amp;&amp; sleeping(T2)</source>
        <translation>page_count(D0) == 3 &amp;&amp; sleeping(T2)</translation>
    </message>
    <message>
        <source>Expression to find</source>
        <translation>Gesuchter Ausdruck</translation>
    </message>
    <message>
        <source>A true-or-false expression about one state (docs/expressions.md): page_count(D0), owner(D0), sleeping(T2), step(T1), pte(X0), ... compared with == != &lt; &lt;= &gt; &gt;= and joined with &amp;&amp; || !. Find searches every state breadth-first for the nearest one where it holds.</source>
        <translation>Ein Wahr-oder-falsch-Ausdruck über einen Zustand (docs/expressions.md): page_count(D0), owner(D0), sleeping(T2), step(T1), pte(X0), … verglichen mit == != &lt; &lt;= &gt; &gt;= und verknüpft mit &amp;&amp; || !. Suchen durchläuft alle Zustände in Breitensuche nach dem nächsten, in dem er gilt.</translation>
    </message>
    <message>
        <source>Replay the schedule to the state found: the run lands there.</source>
        <translation>Den Ablauf bis zum gefundenen Zustand nachspielen: der Lauf landet dort.</translation>
    </message>
    <message>
        <source>The scenario changed: Find again to search this one.</source>
        <translation>Das Szenario hat sich geändert: erneut suchen, um dieses zu durchsuchen.</translation>
    </message>
    <message>
        <source>The settings changed: Find again to search under them.</source>
        <translation>Die Einstellungen haben sich geändert: erneut suchen, um unter ihnen zu suchen.</translation>
    </message>
    <message>
        <source>Type an expression to find, e.g. page_count(D0) == 3 &amp;&amp; sleeping(T2).</source>
        <translation>Geben Sie einen Ausdruck zum Suchen ein, z. B. page_count(D0) == 3 &amp;&amp; sleeping(T2).</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Nicht gesucht: %1</translation>
    </message>
    <message>
        <source>Not searched: &apos;%1&apos; is %2, not true or false: compare it, e.g. &apos;%1 == ...&apos;</source>
        <translation>Nicht gesucht: ‚%1‘ ist %2, nicht wahr oder falsch: vergleichen Sie ihn, z. B. ‚%1 == …‘</translation>
    </message>
    <message>
        <source>Searching every state breadth-first for %1…</source>
        <translation>Durchsuche alle Zustände in Breitensuche nach %1…</translation>
    </message>
    <message>
        <source>(the initial state)</source>
        <translation>(der Anfangszustand)</translation>
    </message>
    <message>
        <source>%1: found after %2 steps (shortest; %3 states explored). Schedule: %4. Values: %5.</source>
        <translation>%1: gefunden nach %2 Schritten (kürzester Weg; %3 Zustände erkundet). Ablauf: %4. Werte: %5.</translation>
    </message>
    <message>
        <source>%1: unreachable: no reachable state satisfies it (%2 states, proved).</source>
        <translation>%1: unerreichbar: kein erreichbarer Zustand erfüllt ihn (%2 Zustände, bewiesen).</translation>
    </message>
    <message>
        <source>%1: not found in the %2 states explored (incomplete: %3); a state beyond them may still satisfy it.</source>
        <translation>%1: nicht gefunden in den %2 erkundeten Zuständen (unvollständig: %3); ein Zustand jenseits davon kann ihn noch erfüllen.</translation>
    </message>
    <message>
        <source>Cancelled: nothing found yet.</source>
        <translation>Abgebrochen: noch nichts gefunden.</translation>
    </message>
</context>
<context>
    <name>msb::app::FollowerMirror</name>
    <message>
        <source>The teacher&apos;s app refused the join code. Check the code on the projector. (%1)</source>
        <translation>Die App der Lehrkraft hat den Beitrittscode abgelehnt. Prüfen Sie den Code auf dem Beamer. (%1)</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
    <message>
        <source>ignored an event: %1; asking the teacher for the whole session</source>
        <translation>Ereignis ignoriert: %1; die ganze Sitzung wird bei der Lehrkraft angefordert</translation>
    </message>
    <message>
        <source>ignored an event: %1</source>
        <translation>Ereignis ignoriert: %1</translation>
    </message>
    <message>
        <source>could not replay the teacher&apos;s schedule here</source>
        <translation>der Ablauf der Lehrkraft ließ sich hier nicht nachspielen</translation>
    </message>
    <message>
        <source>answer &quot;%1&quot; is none of the question&apos;s choices: kept here</source>
        <translation>Antwort „%1“ gehört nicht zu den Auswahlen der Frage: nur hier behalten</translation>
    </message>
</context>
<context>
    <name>msb::app::GuardedApplication</name>
    <message>
        <source>an unknown exception</source>
        <translation>eine unbekannte Ausnahme</translation>
    </message>
</context>
<context>
    <name>msb::app::HistoryModel</name>
    <message>
        <source>   (decides the outcome)</source>
        <translation>   (entscheidet den Ausgang)</translation>
    </message>
    <message>
        <source>Decides the outcome.</source>
        <translation>Entscheidet den Ausgang.</translation>
    </message>
    <message>
        <source>Matters for the outcome: it happens before a deciding step.</source>
        <translation>Zählt für den Ausgang: geschieht vor einem entscheidenden Schritt.</translation>
    </message>
    <message>
        <source>Does not matter for the outcome: moved after the deciding steps, the run ends the same.</source>
        <translation>Für den Ausgang unerheblich: hinter die entscheidenden Schritte verschoben, endet der Lauf genauso.</translation>
    </message>
</context>
<context>
    <name>msb::app::KernelDiffDialog</name>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Jump to first divergence</source>
        <translation>Zur ersten Abweichung springen</translation>
    </message>
    <message>
        <source>Compare two kernels</source>
        <translation>Zwei Kernel vergleichen</translation>
    </message>
    <message>
        <source>Fairness:</source>
        <translation>Fairness:</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>Fairness</translation>
    </message>
    <message>
        <source>What counts as a livelock when each side is explored: weak (every ready thread runs) or none (any cycle in which no access completes).</source>
        <translation>Was beim Erkunden jeder Seite als Livelock zählt: schwach (jeder bereite Thread läuft) oder keine (jeder Zyklus, in dem kein Zugriff fertig wird).</translation>
    </message>
    <message>
        <source>Find the shortest schedule of thread choices whose outcomes differ under A and B, on the window&apos;s scenario, and a livelock only one side has.</source>
        <translation>Sucht auf dem Szenario des Fensters den kürzesten Ablauf von Thread-Wahlen, dessen Ausgang sich unter A und B unterscheidet, und einen Livelock, den nur eine Seite hat.</translation>
    </message>
    <message>
        <source>Comparison result</source>
        <translation>Ergebnis des Vergleichs</translation>
    </message>
    <message>
        <source>Paired steps</source>
        <translation>Gepaarte Schritte</translation>
    </message>
    <message>
        <source>Open side %1 in the main window</source>
        <translation>Seite %1 im Hauptfenster öffnen</translation>
    </message>
    <message>
        <source>Replay side %1&apos;s steps under its settings in the main window, at the choice shown here.</source>
        <translation>Die Schritte von Seite %1 unter ihren Einstellungen im Hauptfenster nachspielen, bis zur hier gezeigten Wahl.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The window&apos;s scenario changed: Compare runs on %1.</source>
        <translation>Das Szenario des Fensters hat sich geändert: Vergleichen läuft auf %1.</translation>
    </message>
    <message>
        <source>Compare two kernels on %1: the shortest schedule whose outcomes differ, or a livelock only one side has, replayed here side by side.</source>
        <translation>Zwei Kernel auf %1 vergleichen: der kürzeste Ablauf mit verschiedenem Ausgang oder ein Livelock, den nur eine Seite hat, hier nebeneinander nachgespielt.</translation>
    </message>
    <message>
        <source>Side %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Preset of side %1</source>
        <translation>Preset von Seite %1</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Preset:</translation>
    </message>
    <message>
        <source>knob overrides, e.g. driver_lock=exclusive fault_ref=counted</source>
        <translation>geänderte Stellschrauben, z. B. driver_lock=exclusive fault_ref=counted</translation>
    </message>
    <message>
        <source>Knob overrides of side %1</source>
        <translation>Geänderte Stellschrauben von Seite %1</translation>
    </message>
    <message>
        <source>key=value pairs, separated by spaces or commas: the words of the CLI&apos;s --set-a and --set-b.</source>
        <translation>key=value-Paare, durch Leerzeichen oder Kommas getrennt: dieselben Wörter wie --set-a und --set-b der CLI.</translation>
    </message>
    <message>
        <source>Knobs:</source>
        <translation>Stellschrauben:</translation>
    </message>
    <message>
        <source>Replay:</source>
        <translation>Nachspielen:</translation>
    </message>
    <message>
        <source>Replay shown</source>
        <translation>Gezeigtes Nachspiel</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>Initial state</source>
        <translation>Anfangszustand</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous choice</source>
        <translation>Vorige Wahl</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Wahl</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vor</translation>
    </message>
    <message>
        <source>Next choice</source>
        <translation>Nächste Wahl</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Last choice</source>
        <translation>Letzte Wahl</translation>
    </message>
    <message>
        <source>Fix the side marked in red, then compare.</source>
        <translation>Berichtigen Sie die rot markierte Seite, dann vergleichen.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2 on %3…</source>
        <translation>Vergleiche %1 mit %2 auf %3…</translation>
    </message>
    <message>
        <source>No comparison yet.</source>
        <translation>Noch kein Vergleich.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Done, but the pair search is incomplete: %1.</source>
        <translation>Fertig, aber die Paarsuche ist unvollständig: %1.</translation>
    </message>
    <message>
        <source>the shortest differing schedule</source>
        <translation>der kürzeste abweichende Ablauf</translation>
    </message>
    <message>
        <source>the livelock, replayed on both</source>
        <translation>der Livelock, auf beiden nachgespielt</translation>
    </message>
    <message>
        <source>Nothing to replay: no schedule tells the two apart.</source>
        <translation>Nichts nachzuspielen: kein Ablauf unterscheidet die beiden.</translation>
    </message>
    <message>
        <source>The initial state (%1).</source>
        <translation>Der Anfangszustand (%1).</translation>
    </message>
    <message>
        <source>Choice %1 (%2): stuttered, the run had ended (%3).</source>
        <translation>Wahl %1 (%2): gestottert, der Lauf war zu Ende (%3).</translation>
    </message>
    <message>
        <source>Choice %1 (%2): stuttered, %2 has finished (%3).</source>
        <translation>Wahl %1 (%2): gestottert, %2 ist fertig (%3).</translation>
    </message>
    <message>
        <source>Choice %1 (%2): %3 (%4).</source>
        <translation>Wahl %1 (%2): %3 (%4).</translation>
    </message>
    <message>
        <source>choice %1 of %2: first divergence</source>
        <translation>Wahl %1 von %2: erste Abweichung</translation>
    </message>
    <message>
        <source>choice %1 of %2</source>
        <translation>Wahl %1 von %2</translation>
    </message>
</context>
<context>
    <name>msb::app::KernelDiffRun</name>
    <message>
        <source>Judging livelock: %1 states, %2 transitions (%3)…</source>
        <translation>Beurteile Livelock: %1 Zustände, %2 Übergänge (%3)…</translation>
    </message>
</context>
<context>
    <name>msb::app::LessonPanel</name>
    <message>
        <source>No lesson open. Choose one from the Lessons menu.</source>
        <translation>Keine Lektion offen. Wählen Sie eine im Menü Lektionen.</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>Lektionstext</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Play step</source>
        <translation>Schritt abspielen</translation>
    </message>
    <message>
        <source>The page&apos;s next step (PageDown or →)</source>
        <translation>Der nächste Schritt der Seite (Bild ab oder →)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;Sources: kernel notes %1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;Quellen: Kernel-Notizen %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your teacher asks</source>
        <translation>Ihre Lehrkraft fragt</translation>
    </message>
    <message>
        <source>&lt;p&gt;Answer here: it is checked on this computer and only you see the result.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Antworten Sie hier: die Antwort wird auf diesem Rechner geprüft, und nur Sie sehen das Ergebnis.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Noted. The answer to this one is in your teacher&apos;s lesson.</source>
        <translation>Notiert. Die Antwort auf diese Frage steht in der Lektion Ihrer Lehrkraft.</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>Richtig.</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>Nicht ganz.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2&lt;/b&gt; %3&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2&lt;/b&gt; %3&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Answer the question first</source>
        <translation>Erst die Frage beantworten</translation>
    </message>
</context>
<context>
    <name>msb::app::MainWindow</name>
    <message>
        <source>Migration Sandbox</source>
        <translation>Migration Sandbox</translation>
    </message>
    <message>
        <source>Race scene</source>
        <translation>Race-Szene</translation>
    </message>
    <message>
        <source>Settings changed: the same schedule was replayed under %1.</source>
        <translation>Einstellungen geändert: derselbe Ablauf wurde unter %1 nachgespielt.</translation>
    </message>
    <message>
        <source>Could not load</source>
        <translation>Laden fehlgeschlagen</translation>
    </message>
    <message>
        <source>Counterexample loaded (%1 steps). Step on from here to branch off.</source>
        <translation>Gegenbeispiel geladen (%1 Schritte). Von hier aus weiterschreiten, um abzuzweigen.</translation>
    </message>
    <message>
        <source>Found state loaded (%1 steps). Step on from here to branch off.</source>
        <translation>Gefundener Zustand geladen (%1 Schritte). Von hier aus weiterschreiten, um abzuzweigen.</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>&amp;Szenario</translation>
    </message>
    <message>
        <source>&amp;Edit scenario…</source>
        <translation>Szenario &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>E&amp;xplore every interleaving</source>
        <translation>Jede Verzahnung &amp;erkunden</translation>
    </message>
    <message>
        <source>&amp;Compare two kernels…</source>
        <translation>Zwei Kernel &amp;vergleichen…</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;Find a state…</source>
        <translation>Zustand &amp;suchen…</translation>
    </message>
    <message>
        <source>Search every state of the scenario for the nearest one where an expression holds</source>
        <translation>Alle Zustände des Szenarios nach dem nächsten durchsuchen, in dem ein Ausdruck gilt</translation>
    </message>
    <message>
        <source>Side loaded under %1 (%2 steps). Step on from here to branch off.</source>
        <translation>Seite unter %1 geladen (%2 Schritte). Von hier aus weiterschreiten, um abzuzweigen.</translation>
    </message>
    <message>
        <source>Unsaved narration</source>
        <translation>Ungespeicherte Erläuterung</translation>
    </message>
    <message>
        <source>The narration you typed is not saved in a recording. Save it before closing?</source>
        <translation>Die eingegebene Erläuterung ist in keiner Aufzeichnung gespeichert. Vor dem Schließen speichern?</translation>
    </message>
</context>
<context>
    <name>msb::app::OddsChart</name>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Random schedules per preset; run i uses seed S+i</source>
        <translation>Zufällige Abläufe je Preset; Lauf i verwendet Seed S+i</translation>
    </message>
    <message>
        <source>Step budget per run; a run still going at the budget counts as retrying</source>
        <translation>Schrittbudget je Lauf; ein Lauf, der beim Budget noch läuft, zählt als „versucht es noch“</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Step budget</source>
        <translation>Schrittbudget</translation>
    </message>
    <message>
        <source>Outcomes of random schedules</source>
        <translation>Ausgänge zufälliger Abläufe</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source>Share of runs (%)</source>
        <translation>Anteil der Läufe (%)</translation>
    </message>
    <message>
        <source>Migration attempts until success</source>
        <translation>Migrationsversuche bis zum Erfolg</translation>
    </message>
    <message>
        <source>Attempts (M1 collects) until the M7 check passes</source>
        <translation>Versuche (M1-collects), bis die M7-Prüfung besteht</translation>
    </message>
    <message>
        <source>Share of migrated pages (%)</source>
        <translation>Anteil migrierter Seiten (%)</translation>
    </message>
    <message>
        <source>%1 random schedules per preset on %2, seeds %3..%4, budget %5 steps.</source>
        <translation>%1 zufällige Abläufe je Preset auf %2, Seeds %3..%4, Budget %5 Schritte.</translation>
    </message>
    <message>
        <source>Scenario %1: press Run to try random schedules under every preset.</source>
        <translation>Szenario %1: „Starten“ probiert zufällige Abläufe unter jedem Preset.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Save outcome chart</source>
        <translation>Ausgangsdiagramm speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
</context>
<context>
    <name>msb::app::OddsModel</name>
    <message>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source>still retrying at the step budget</source>
        <translation>versucht es beim Schrittbudget noch</translation>
    </message>
    <message>
        <source>Mean attempts</source>
        <translation>Versuche im Mittel</translation>
    </message>
    <message>
        <source>M7 check failures</source>
        <translation>Fehlgeschlagene M7-Prüfungen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
</context>
<context>
    <name>msb::app::OutcomeBanner</name>
    <message>
        <source>Running: no outcome yet</source>
        <translation>Läuft: noch kein Ausgang</translation>
    </message>
</context>
<context>
    <name>msb::app::PairedStepModel</name>
    <message>
        <source>round %1 of the cycle starts</source>
        <translation>Runde %1 des Zyklus beginnt</translation>
    </message>
    <message>
        <source>first divergence: the states differ after it</source>
        <translation>erste Abweichung: danach unterscheiden sich die Zustände</translation>
    </message>
    <message>
        <source>first divergence</source>
        <translation>erste Abweichung</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>weicht ab</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Wahl</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>A runs</source>
        <translation>A führt aus</translation>
    </message>
    <message>
        <source>B runs</source>
        <translation>B führt aus</translation>
    </message>
</context>
<context>
    <name>msb::app::PanelTabs</name>
    <message>
        <source>Panels</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Erkunden</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>History of steps</source>
        <translation>Verlauf der Schritte</translation>
    </message>
</context>
<context>
    <name>msb::app::ProspectsStrip</name>
    <message>
        <source>Turning points of the run</source>
        <translation>Wendepunkte des Laufs</translation>
    </message>
    <message>
        <source>No turning points</source>
        <translation>Keine Wendepunkte</translation>
    </message>
</context>
<context>
    <name>msb::app::RefcountChecksModel</name>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>page_count seen</source>
        <translation>gesehener page_count</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>msb::app::RefcountTimelineChart</name>
    <message>
        <source>Reference count per step</source>
        <translation>Referenzzähler je Schritt</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>page_count(D)</source>
        <translation>page_count(D)</translation>
    </message>
    <message>
        <source>check passed (M7)</source>
        <translation>Prüfung bestanden (M7)</translation>
    </message>
    <message>
        <source>check failed (M7-fail)</source>
        <translation>Prüfung fehlgeschlagen (M7-fail)</translation>
    </message>
    <message>
        <source>position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>page_count(D%1)</source>
        <translation>page_count(D%1)</translation>
    </message>
    <message>
        <source>expected at check</source>
        <translation>bei der Prüfung erwartet</translation>
    </message>
    <message>
        <source>expected at check (D%1)</source>
        <translation>bei der Prüfung erwartet (D%1)</translation>
    </message>
</context>
<context>
    <name>msb::app::RefcountTimelineModel</name>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>page_count(D%1)</source>
        <translation>page_count(D%1)</translation>
    </message>
    <message>
        <source>expected at check (D%1)</source>
        <translation>bei der Prüfung erwartet (D%1)</translation>
    </message>
</context>
<context>
    <name>msb::app::RoundsHistogramModel</name>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
</context>
<context>
    <name>msb::app::RunActions</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Step back (Left)</source>
        <translation>Schritt zurück (Links)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vor</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Auto step</source>
        <translation>Auto-Schritt</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the initial state, forgetting the steps (R)</source>
        <translation>Zurück zum Anfangszustand, die Schritte werden vergessen (R)</translation>
    </message>
    <message>
        <source>Step thread %1</source>
        <translation>Thread %1 einen Schritt ausführen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>msb::app::RunProspects</name>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>computing… %1 states</source>
        <translation>wird berechnet… %1 Zustände</translation>
    </message>
    <message>
        <source>out of memory while keeping the state graph</source>
        <translation>kein Speicher mehr für den Zustandsgraphen</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>unknown (%1; the scenario is too large to keep its whole state graph)</source>
        <translation>unbekannt (%1; das Szenario ist zu groß, um seinen ganzen Zustandsgraphen zu halten)</translation>
    </message>
    <message>
        <source>fairness %1; one exploration: %2 states%3, %4 transitions, %5 s, %6</source>
        <translation>Fairness %1; eine Erkundung: %2 Zustände%3, %4 Übergänge, %5 s, %6</translation>
    </message>
    <message>
        <source> (orbits)</source>
        <translation> (Bahnen)</translation>
    </message>
    <message>
        <source>Still possible: %1</source>
        <translation>Noch möglich: %1</translation>
    </message>
</context>
<context>
    <name>msb::app::ScenarioEditorDialog</name>
    <message>
        <source>A holder H with a genuine reference (DMA pin)</source>
        <translation>Ein Halter H mit echter Referenz (DMA-Pin)</translation>
    </message>
    <message>
        <source>Edit scenario</source>
        <translation>Szenario bearbeiten</translation>
    </message>
    <message>
        <source>Faulting threads:</source>
        <translation>Faultende Threads:</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>Seiten:</translation>
    </message>
    <message>
        <source>Holder&apos;s page:</source>
        <translation>Seite des Halters:</translation>
    </message>
    <message>
        <source>%1 faulting threads on %2 pages%3</source>
        <translation>%1 faultende Threads auf %2 Seiten%3</translation>
    </message>
    <message>
        <source>, with a holder</source>
        <translation>, mit einem Halter</translation>
    </message>
    <message>
        <source>Valid.</source>
        <translation>Gültig.</translation>
    </message>
</context>
<context>
    <name>msb::app::SessionGate</name>
    <message>
        <source>This session is read-only.</source>
        <translation>Diese Sitzung ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Held at step %1.</source>
        <translation>Angehalten bei Schritt %1.</translation>
    </message>
    <message>
        <source>Nothing to undo: this is the initial state.</source>
        <translation>Nichts rückgängig zu machen: dies ist der Anfangszustand.</translation>
    </message>
    <message>
        <source>Nothing to redo: this is the last step of the run.</source>
        <translation>Nichts zu wiederholen: dies ist der letzte Schritt des Laufs.</translation>
    </message>
</context>
<context>
    <name>msb::app::SettingsPanel</name>
    <message>
        <source>Skip the refcount check for device-private pages (the 2021 patch)</source>
        <translation>Refcount-Prüfung für device-private Seiten überspringen (der Patch von 2021)</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Preset:</translation>
    </message>
    <message>
        <source>Advanced: the knobs</source>
        <translation>Erweitert: die Stellschrauben</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>ON: M7 commits without looking at page_count (v5.11 + the patch).</source>
        <translation>AN: M7 schließt ab, ohne auf page_count zu schauen (v5.11 + der Patch).</translation>
    </message>
    <message>
        <source>OFF: M7 checks page_count(D) against the expected count, as every released kernel does.</source>
        <translation>AUS: M7 prüft page_count(D) gegen den erwarteten Zähler, wie jeder veröffentlichte Kernel.</translation>
    </message>
    <message>
        <source>%1
Release %2 — %3</source>
        <translation>%1
Release %2 – %3</translation>
    </message>
    <message>
        <source>Custom combination of the knobs below.</source>
        <translation>Eigene Kombination der Stellschrauben unten.</translation>
    </message>
    <message>
        <source>%1 &lt;i&gt;(%2; %3)&lt;/i&gt;</source>
        <translation>%1 &lt;i&gt;(%2; %3)&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>msb::app::SimulationController</name>
    <message>
        <source>%1: unreadable (unexpected error)</source>
        <translation>%1: nicht lesbar (unerwarteter Fehler)</translation>
    </message>
</context>
<context>
    <name>msb::app::TallyPanel</name>
    <message>
        <source>The room&apos;s answers</source>
        <translation>Antworten des Raums</translation>
    </message>
    <message>
        <source>%1 of %2 answered%3</source>
        <translation>%1 von %2 haben geantwortet%3</translation>
    </message>
    <message>
        <source> · %1 agree with the model</source>
        <translation> · %1 stimmen mit dem Modell überein</translation>
    </message>
    <message>
        <source> ★ model</source>
        <translation> ★ Modell</translation>
    </message>
    <message>
        <source>Reveal to the class</source>
        <translation>Der Klasse zeigen</translation>
    </message>
    <message>
        <source>Reveal: %1</source>
        <translation>Zeigen: %1</translation>
    </message>
    <message>
        <source>%1 (restored)</source>
        <translation>%1 (wiederhergestellt)</translation>
    </message>
    <message>
        <source>Asked before the session was restored: show its lesson page again to ask it, then reveal it</source>
        <translation>Vor der Wiederherstellung der Sitzung gefragt: zeigen Sie die Lektionsseite erneut, um die Frage zu stellen, und lösen Sie sie dann auf</translation>
    </message>
    <message>
        <source>No question asked yet: open a lesson page that asks one.</source>
        <translation>Noch keine Frage gestellt: öffnen Sie eine Lektionsseite mit einer Frage.</translation>
    </message>
</context>
<context>
    <name>msb::app::ThreadButtonsWidget</name>
    <message>
        <source>Step %1 — %2%3</source>
        <translation>Schritt %1 – %2%3</translation>
    </message>
    <message>
        <source>next %1: %2</source>
        <translation>nächster %1: %2</translation>
    </message>
    <message>
        <source>cannot step: %1</source>
        <translation>kein Schritt möglich: %1</translation>
    </message>
</context>
<context>
    <name>msb::app::VerdictModel</name>
    <message>
        <source>YES ▸</source>
        <translation>JA ▸</translation>
    </message>
    <message>
        <source>Reachable. Click to load the shortest counterexample into the timeline.</source>
        <translation>Erreichbar. Ein Klick lädt das kürzeste Gegenbeispiel in die Zeitleiste.</translation>
    </message>
    <message>
        <source>Unknown: the exploration stopped before visiting every state.</source>
        <translation>Unbekannt: die Erkundung hielt an, bevor sie jeden Zustand besucht hatte.</translation>
    </message>
    <message>
        <source>%1 states, %2 transitions, %3 s</source>
        <translation>%1 Zustände, %2 Übergänge, %3 s</translation>
    </message>
    <message>
        <source>completes always</source>
        <translation>wird immer fertig</translation>
    </message>
    <message>
        <source>completes possible</source>
        <translation>kann fertig werden</translation>
    </message>
</context>
<context>
    <name>msb::app::WatchBar</name>
    <message>
        <source>&amp;Watch:</source>
        <translation>&amp;Beobachten:</translation>
    </message>
    <message>
        <source>an expression, e.g. page_count(D0) or sleeping(T2); Enter adds it</source>
        <translation>ein Ausdruck, z. B. page_count(D0) oder sleeping(T2); Eingabe fügt ihn hinzu</translation>
    </message>
    <message>
        <source>Watch expression</source>
        <translation>Beobachteter Ausdruck</translation>
    </message>
    <message>
        <source>A number or true/false over the state (docs/expressions.md); every History row then shows its value after that step.</source>
        <translation>Eine Zahl oder wahr/falsch über den Zustand (docs/expressions.md); jede Zeile im Verlauf zeigt dann ihren Wert nach diesem Schritt.</translation>
    </message>
    <message>
        <source>Watch message</source>
        <translation>Meldung zum Beobachten</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Dropped for this scenario: %1</source>
        <translation>Für dieses Szenario entfernt: %1</translation>
    </message>
    <message>
        <source>Remove watch %1</source>
        <translation>Beobachtung %1 entfernen</translation>
    </message>
    <message>
        <source>Initially %1 = %2 (before step 1). Click to stop watching it.</source>
        <translation>Anfangs %1 = %2 (vor Schritt 1). Ein Klick beendet die Beobachtung.</translation>
    </message>
</context>
<context>
    <name>msb::app::WebFrameRenderer</name>
    <message>
        <source>could not render position %1 for the web followers</source>
        <translation>Position %1 ließ sich für die Web-Folgenden nicht zeichnen</translation>
    </message>
</context>
<context>
    <name>msb::scenes</name>
    <message>
        <source>collect %1</source>
        <translation>collect %1</translation>
    </message>
    <message>
        <source>waiter %1</source>
        <translation>waiter %1</translation>
    </message>
    <message>
        <source>holder %1</source>
        <translation>holder %1</translation>
    </message>
    <message>
        <source>fault %1</source>
        <translation>fault %1</translation>
    </message>
    <message>
        <source>touches its page</source>
        <translation>berührt seine Seite</translation>
    </message>
    <message>
        <source>ZONE_DEVICE base</source>
        <translation>ZONE_DEVICE-Basis</translation>
    </message>
    <message>
        <source>The count a freed page is given back: free_zone_device_page resets it to 1 after page_free (v5.18 - v6.0, K24).</source>
        <translation>Der Zähler, den eine freigegebene Seite zurückbekommt: free_zone_device_page setzt ihn nach page_free auf 1 zurück (v5.18 - v6.0, K24).</translation>
    </message>
    <message>
        <source>ZONE_DEVICE base reference: device pages count from 1, so a live page never drops below it (K1).</source>
        <translation>ZONE_DEVICE-Basisreferenz: Geräteseiten zählen ab 1, eine lebende Seite fällt also nie darunter (K1).</translation>
    </message>
    <message>
        <source>The page table maps D (mapcount 1): one reference, dropped by collect&apos;s put_page at M4 and given back when the entry is restored.</source>
        <translation>Die Seitentabelle bildet D ab (mapcount 1): eine Referenz, von put_page in collect bei M4 abgegeben und zurückgegeben, wenn der Eintrag wiederhergestellt wird.</translation>
    </message>
    <message>
        <source>The migrator&apos;s collect reference: get_page at M1, put_page at M8s.3, M8f.3, M5f.3 or M2-give.</source>
        <translation>Die collect-Referenz des Migrierers: get_page bei M1, put_page bei M8s.3, M8f.3, M5f.3 oder M2-give.</translation>
    </message>
    <message>
        <source>A migration-entry waiter&apos;s reference: get_page at W1, put_page at W4. Under count-waiters the check at M7 counts it too (K33).</source>
        <translation>Die Referenz eines Wartenden am Migrationseintrag: get_page bei W1, put_page bei W4. Unter count-waiters zählt die Prüfung bei M7 sie mit (K33).</translation>
    </message>
    <message>
        <source>A migration-entry waiter&apos;s reference: get_page at W1, put_page at W4 (v5.0-v5.16). The check at M7 does not expect it.</source>
        <translation>Die Referenz eines Wartenden am Migrationseintrag: get_page bei W1, put_page bei W4 (v5.0-v5.16). Die Prüfung bei M7 erwartet sie nicht.</translation>
    </message>
    <message>
        <source>A genuine reference held by someone else (H), e.g. a driver or get_user_pages.</source>
        <translation>Eine echte Referenz, die jemand anderes hält (H), z. B. ein Treiber oder get_user_pages.</translation>
    </message>
    <message>
        <source>The faulting thread&apos;s own reference from do_swap_page (v6.1+): get_page at F1, put_page at F3. The check expects it only for the page this thread migrates.</source>
        <translation>Die eigene Referenz des faultenden Threads aus do_swap_page (v6.1+): get_page bei F1, put_page bei F3. Die Prüfung erwartet sie nur für die Seite, die dieser Thread migriert.</translation>
    </message>
    <message>
        <source>page_count(D) is higher than the references the scene can attribute.</source>
        <translation>page_count(D) ist höher als die Referenzen, die die Szene zuordnen kann.</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>gehalten von %1</translation>
    </message>
    <message>
        <source>: done.</source>
        <translation>: fertig.</translation>
    </message>
    <message>
        <source>: killed by SIGBUS.</source>
        <translation>: durch SIGBUS beendet.</translation>
    </message>
    <message>
        <source>: at %1 on page X%2</source>
        <translation>: bei %1 auf Seite X%2</translation>
    </message>
    <message>
        <source>, asleep in D%1&apos;s page-lock wait queue</source>
        <translation>, schläft in der Page-Lock-Warteschlange von D%1</translation>
    </message>
    <message>
        <source>; can run: %1.</source>
        <translation>; kann laufen: %1.</translation>
    </message>
    <message>
        <source>; blocked: %1.</source>
        <translation>; blockiert: %1.</translation>
    </message>
    <message>
        <source>Page X%1: PTE %2; D%1 page_count %3, check expects %4, mapcount %5, PG_locked %6</source>
        <translation>Seite X%1: PTE %2; D%1 page_count %3, Prüfung erwartet %4, mapcount %5, PG_locked %6</translation>
    </message>
    <message>
        <source>, PG_waiters set</source>
        <translation>, PG_waiters gesetzt</translation>
    </message>
    <message>
        <source>, references: %1</source>
        <translation>, Referenzen: %1</translation>
    </message>
    <message>
        <source>, free in the driver pool</source>
        <translation>, frei im Treiber-Pool</translation>
    </message>
    <message>
        <source>; S%1 allocated, page_count %2, %3</source>
        <translation>; S%1 belegt, page_count %2, %3</translation>
    </message>
    <message>
        <source>; S%1 not allocated</source>
        <translation>; S%1 nicht belegt</translation>
    </message>
    <message>
        <source>lost update</source>
        <translation>verlorenes Update</translation>
    </message>
    <message>
        <source>stale page use</source>
        <translation>Seite nach Freigabe benutzt</translation>
    </message>
    <message>
        <source>Alerts: %1.</source>
        <translation>Warnungen: %1.</translation>
    </message>
    <message>
        <source>struct page D%1. </source>
        <translation>struct page D%1. </translation>
    </message>
</context>
<context>
    <name>msb::scenes::BackdropItem</name>
    <message>
        <source>device memory</source>
        <translation>Gerätespeicher</translation>
    </message>
    <message>
        <source>system RAM</source>
        <translation>System-RAM</translation>
    </message>
    <message>
        <source>driver pool</source>
        <translation>Treiber-Pool</translation>
    </message>
    <message>
        <source>free device pages</source>
        <translation>freie Geräteseiten</translation>
    </message>
    <message>
        <source>references to D:</source>
        <translation>Referenzen auf D:</translation>
    </message>
    <message>
        <source>PTL held by %1</source>
        <translation>PTL gehalten von %1</translation>
    </message>
    <message>
        <source>PTL free</source>
        <translation>PTL frei</translation>
    </message>
    <message>
        <source>lost update</source>
        <translation>verlorenes Update</translation>
    </message>
    <message>
        <source>stale page use</source>
        <translation>Seite nach Freigabe benutzt</translation>
    </message>
</context>
<context>
    <name>msb::scenes::LockBadgeItem</name>
    <message>
        <source>PG_locked %1</source>
        <translation>PG_locked %1</translation>
    </message>
</context>
<context>
    <name>msb::scenes::PageCardItem</name>
    <message>
        <source>struct page D%1</source>
        <translation>struct page D%1</translation>
    </message>
    <message>
        <source>data v%1</source>
        <translation>Daten v%1</translation>
    </message>
    <message>
        <source>free (in pool) · </source>
        <translation>frei (im Pool) · </translation>
    </message>
    <message>
        <source>no check</source>
        <translation>keine Prüfung</translation>
    </message>
    <message>
        <source>check skipped</source>
        <translation>Prüfung übersprungen</translation>
    </message>
    <message>
        <source>exp %1</source>
        <translation>erw. %1</translation>
    </message>
    <message>
        <source>check wants %1</source>
        <translation>Prüfung will %1</translation>
    </message>
    <message>
        <source>✓ skipped</source>
        <translation>✓ übersprungen</translation>
    </message>
    <message>
        <source>  ·  PG_waiters</source>
        <translation>  ·  PG_waiters</translation>
    </message>
    <message>
        <source>wait queue</source>
        <translation>Warteschlange</translation>
    </message>
</context>
<context>
    <name>msb::scenes::RaceScene</name>
    <message>
        <source>PTE of X%1: DEVPRIV = device-private entry (not present, faults), MIGR = migration entry (faulting threads wait), PRESENT = mapped to system page S%1.</source>
        <translation>PTE von X%1: DEVPRIV = device-private Eintrag (nicht present, löst Faults aus), MIGR = Migrationseintrag (faultende Threads warten), PRESENT = auf Systemseite S%1 abgebildet.</translation>
    </message>
</context>
<context>
    <name>msb::scenes::RaceView</name>
    <message>
        <source>Race scene</source>
        <translation>Race-Szene</translation>
    </message>
</context>
<context>
    <name>msb::scenes::SystemPageItem</name>
    <message>
        <source>S%1: none</source>
        <translation>S%1: keine</translation>
    </message>
    <message>
        <source>S%1: not allocated</source>
        <translation>S%1: nicht belegt</translation>
    </message>
    <message>
        <source>system page S%1</source>
        <translation>Systemseite S%1</translation>
    </message>
    <message>
        <source>data v%1 ≠ D v%2</source>
        <translation>Daten v%1 ≠ D v%2</translation>
    </message>
    <message>
        <source>data v%1</source>
        <translation>Daten v%1</translation>
    </message>
    <message>
        <source>page_count %1</source>
        <translation>page_count %1</translation>
    </message>
    <message>
        <source>  ·  PG_locked</source>
        <translation>  ·  PG_locked</translation>
    </message>
    <message>
        <source>  ·  unlocked</source>
        <translation>  ·  nicht gesperrt</translation>
    </message>
</context>
</TS>
