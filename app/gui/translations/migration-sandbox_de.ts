<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CausalMarks</name>
    <message>
        <source>decides the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not matter for the outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Turning points: not available (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning points: none (nothing became impossible or inevitable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning points: after step %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still possible: %1 · inevitable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> can no longer be avoided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> is no longer possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory while keeping the state graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fade steps that do not matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the run shows an outcome, fade the steps outside its causal slice in the History, the lanes and the exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type an expression, e.g. page_count(D0) or sleeping(T2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already watched</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingExporter</name>
    <message>
        <source>Which steps matter: %1 of %2 cause %3; the other steps&apos; pages say Ǎoes not matter for the outcome” and are greyed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Restore the last session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration Sandbox did not close normally last time. Restore that session?

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app</name>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No students following yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 student follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 students follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 app, %3 browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open lesson &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson: next step or page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson: previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Classroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host a class…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join a class…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Detach: explore on my own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-attach to the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave the class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop hosting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;veal the answer to the class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport the room&apos;s answers (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the room&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the room&apos;s &amp;answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher ended the class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher asks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the lesson&apos;s question first (Lesson panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2
%3()  %4   kernel notes %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset %1 · threads %2 · %3 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration Sandbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot render the scene of position %1 as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open scenario or recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios and recordings (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF handout (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG frames, one per step (directory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG frames, one per step (directory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open scenario or recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;chart as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings (*.msrec.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown export format &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Migration Sandbox, and the last action was stopped:

%1

Your session is still here. Saving a recording now is a good idea.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press a thread&apos;s Step button or its key (1–%1). ← / → undo and redo, Space plays, R resets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> To see %1: step %2 (keys %3), then flip the switch on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>side %1: unknown preset &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>side %1, %2: both sides run the window&apos;s scenario; change it in Scenario &gt; Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>side %1, knob %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the initial state, repeat [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, then repeat [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes (%1 states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no (%1 states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, INCOMPLETE: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Then %1 cannot run choice %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 livelocks, %2 does not: %1&apos;s shortest livelock: %3. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round %1 of the cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the same choices %1 ends (%2) in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the same choices %1 cannot follow them, in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the same choices %1 is back, after %2, in a state an earlier round started from: it loops too, but not as a livelock (a thread that stays ready never runs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the same choices %1 stalls in %2: the cycle only chooses threads that have finished there, and %3 never gets a choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the same choices %1 is still running after %2 rounds of the cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no choice: the initial state)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing (finished)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first divergence: choice %1 (%2): A runs %3, B runs %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, and the states differ after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No schedule tells them apart (%1 pair states explored, the whole pair graph): every schedule both can run ends the same way, and the livelock verdicts agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest differing schedule (%1 choices): %2. A: %3; B: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the end of a schedule: no difference among the pairs explored; the search is incomplete (%1), so one may exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the end of a schedule: no schedule both can run ends differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair search: %1 pair states, %2 transitions, %3 s. Livelock (fairness %4): A %5, B %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 (%2 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Livelock round: back where everyone started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state after step %1 is the initial state: the migration failed and everyone is back where they started. The same interleaving can repeat forever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state after step %1 is the state after step %2: the migration failed and everyone is back where they started. The same interleaving can repeat forever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Why: at %1 the check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: an extra reference taken by the other fault made the count differ, so the migration gave up and restored the entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> See %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGBUS: the process was killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page could not be migrated and the driver returned VM_FAULT_SIGBUS, as the migrate_vma_setup documentation asks. The access never completes: the process dies for a transient refcount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale page use: a freed device page was used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fault went on to call the driver for a device-private page that had already been freed back to the driver pool: the fault path held no reference to it (the v5.11 unreferenced path, CVE-2022-3523).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipping the refcount check let the migration commit while H still used the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count test runs after the copy: H&apos;s reference came and went between the copy and the check, so the count looked right and the stale copy was committed. Only a test before the copy (v5.17) closes that window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost update: a write vanished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holder H wrote to the device page through its genuine reference, but the process now maps a copy that does not contain that write. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed: the page migrated and every access finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every faulting thread&apos;s access completed and the page table now maps the new system page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The migration committed at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlock: no thread can step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some threads are unfinished and none can move: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale page use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completes always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completes possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (bound reached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step forward: redo (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause the auto-scheduler (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step chosen by the auto-scheduler (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a version %2 session file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: answers: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 under %2, step %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 narrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, lesson %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holder H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migrator M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiter W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduce &amp;motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Explore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tab</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ChartsPanel</name>
    <message>
        <source>Refcount timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exploration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::CheckpointInput</name>
    <message>
        <source>page_count = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer: page_count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ClassroomBridge</name>
    <message>
        <source>already in a class: leave it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not render position %1 for the web followers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignored an event: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not replay the teacher&apos;s schedule here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer &quot;%1&quot; is none of the question&apos;s choices: kept here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ClassroomDialog</name>
    <message>
        <source>Host a class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open to the LAN (all interfaces, 0.0.0.0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loopback until you choose to let students on other machines join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty for a random code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow page for browsers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not hosting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the class, then put this window on the projector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students on the LAN use this machine&apos;s name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this computer can join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a browser: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students: Classroom ▸ Join a class… with the address above and this code, or open the page below in any browser and type the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host:port, as on the teacher&apos;s screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the code on the projector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined: following the teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b3261e&apos;&gt;Could not join.&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the teacher&apos;s address as host:port, e.g. 192.168.1.20:7331.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the join code shown on the teacher&apos;s screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ClassroomIntegration</name>
    <message>
        <source>Following teacher at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exploring on your own (the teacher at %1 goes on; Re-attach to catch up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following the teacher at %1 — detach to explore on your own</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::CodePanel</name>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudo-kernel line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudo-kernel code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every fault: do_swap_page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M — the migrator: migrate_to_ram, migrate_vma_*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W — a waiter: migration_entry_wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H — a holder of a genuine reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover or select a line to see the kernel function it stands for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; stands for &lt;code&gt;%2()&lt;/code&gt; in &lt;code&gt;%3&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — kernel notes %1 (docs/kernel/notes.md). Nominal page_count(D) change: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Read it at %1: &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No step taken yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last step: &lt;b&gt;%1 %2&lt;/b&gt; — page_count(D%3) %4 → %5 (&lt;b&gt;%6%7&lt;/b&gt;)%8</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ControlColumn</name>
    <message>
        <source>The check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step a thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to move through the run; steps after the handle stay for redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position in the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still possible from this position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps per second while playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing speed, steps per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spee&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random (seeded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random schedule seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-sc&amp;hedule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narration of the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step first: narration belongs to the step that led here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens at this step, in your words (saved with the recording).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::DiffSideView</name>
    <message>
        <source>▶ first divergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Race scene, side %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ExplorationChart</name>
    <message>
        <source>Explore every preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>States discovered by the explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>States stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save exploration chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exploring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explored %1 under every preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ExplorationModel</name>
    <message>
        <source>%1: seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: states</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ExplorePanel</name>
    <message>
        <source>Not explored yet: every interleaving of the current scenario, under each preset, side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore every interleaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two kernels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold interchangeable threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What tells two presets apart on this scenario: the shortest schedule whose outcomes differ, replayed side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory budget per preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory budget per preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run that would need more stops with an incomplete verdict instead of being killed for lack of memory. Automatic: three quarters of the memory available when the run starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads with the same program are interchangeable: one state per renaming is explored. The verdicts are the same and counterexamples still name real threads; only the state counts shrink.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairness:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak: a livelock is a cycle in which every ready thread gets to run. None: any cycle in which no access completes; a thread may never get a CPU again, as when the lock holder waits for work queued behind a spinning CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exploring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Columns marked … were not explored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exploring %1: %2 states, %3 transitions (%4)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 states in total, livelock under fairness %2%3. Click a red “YES ▸” to load its counterexample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (a thread may never run again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (every ready thread runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Incomplete: %1 stopped at the memory budget (%2), so their “?” cells are unknown. Raise the memory budget or explore a smaller scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Incomplete: some runs hit the state limit, so their “?” cells are unknown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::FindStateBox</name>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a &amp;state:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page_count(D0) == 3 &amp;&amp; sleeping(T2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expression to find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A true-or-false expression about one state (docs/expressions.md): page_count(D0), owner(D0), sleeping(T2), step(T1), pte(X0), ... compared with == != &lt; &lt;= &gt; &gt;= and joined with &amp;&amp; || !. Find searches every state breadth-first for the nearest one where it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the schedule to the state found: the run lands there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario changed: Find again to search this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings changed: Find again to search under them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an expression to find, e.g. page_count(D0) == 3 &amp;&amp; sleeping(T2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not searched: &apos;%1&apos; is %2, not true or false: compare it, e.g. &apos;%1 == ...&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching every state breadth-first for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the initial state)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: found after %2 steps (shortest; %3 states explored). Schedule: %4. Values: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unreachable: no reachable state satisfies it (%2 states, proved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not found in the %2 states explored (incomplete: %3); a state beyond them may still satisfy it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing found yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::GuardedApplication</name>
    <message>
        <source>an unknown exception</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::HistoryModel</name>
    <message>
        <source>   (decides the outcome)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decides the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matters for the outcome: it happens before a deciding step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not matter for the outcome: moved after the deciding steps, the run ends the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::KernelDiffDialog</name>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to first divergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairness:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What counts as a livelock when each side is explored: weak (every ready thread runs) or none (any cycle in which no access completes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the shortest schedule of thread choices whose outcomes differ under A and B, on the window&apos;s scenario, and a livelock only one side has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paired steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open side %1 in the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay side %1&apos;s steps under its settings in the main window, at the choice shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window&apos;s scenario changed: Compare runs on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two kernels on %1: the shortest schedule whose outcomes differ, or a livelock only one side has, replayed here side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset of side %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>knob overrides, e.g. driver_lock=exclusive fault_ref=counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knob overrides of side %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key=value pairs, separated by spaces or commas: the words of the CLI&apos;s --set-a and --set-b.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knobs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the side marked in red, then compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing %1 with %2 on %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comparison yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done, but the pair search is incomplete: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the shortest differing schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the livelock, replayed on both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to replay: no schedule tells the two apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The initial state (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice %1 (%2): stuttered, the run had ended (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice %1 (%2): stuttered, %2 has finished (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice %1 (%2): %3 (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choice %1 of %2: first divergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choice %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::KernelDiffRun</name>
    <message>
        <source>Judging livelock: %1 states, %2 transitions (%3)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::LessonPanel</name>
    <message>
        <source>No lesson open. Choose one from the Lessons menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page&apos;s next step (PageDown or →)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;Sources: kernel notes %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your teacher asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Answer here: it is checked on this computer and only you see the result.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noted. The answer to this one is in your teacher&apos;s lesson.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&lt;b&gt;%2&lt;/b&gt; %3&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the question first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::MainWindow</name>
    <message>
        <source>Migration Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Race scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings changed: the same schedule was replayed under %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counterexample loaded (%1 steps). Step on from here to branch off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found state loaded (%1 steps). Step on from here to branch off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xplore every interleaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare two kernels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a state…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every state of the scenario for the nearest one where an expression holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side loaded under %1 (%2 steps). Step on from here to branch off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved narration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The narration you typed is not saved in a recording. Save it before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::OddsChart</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random schedules per preset; run i uses seed S+i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step budget per run; a run still going at the budget counts as retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes of random schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of runs (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration attempts until success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts (M1 collects) until the M7 check passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of migrated pages (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 random schedules per preset on %2, seeds %3..%4, budget %5 steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario %1: press Run to try random schedules under every preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save outcome chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::OddsModel</name>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still retrying at the step budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M7 check failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::OutcomeBanner</name>
    <message>
        <source>Running: no outcome yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::PairedStepModel</name>
    <message>
        <source>round %1 of the cycle starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first divergence: the states differ after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first divergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::PanelTabs</name>
    <message>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of steps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ProspectsStrip</name>
    <message>
        <source>Turning points of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No turning points</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::RecordingExporter</name>
    <message>
        <source>the recording does not replay: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration Sandbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads: %1    Pages: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety flags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Livelock round: the final state equals the state after step %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2: %3 runs %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1()  %2   kernel notes %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot finish %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ffmpeg not found: install it with apt-get install ffmpeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a temporary directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ffmpeg palettegen failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ffmpeg failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::RefcountChecksModel</name>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page_count seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::RefcountTimelineChart</name>
    <message>
        <source>Reference count per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page_count(D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check passed (M7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check failed (M7-fail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page_count(D%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at check (D%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::RefcountTimelineModel</name>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page_count(D%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at check (D%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::RoundsHistogramModel</name>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::RunActions</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step back (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the initial state, forgetting the steps (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step thread %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::RunProspects</name>
    <message>
        <source>computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computing… %1 states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory while keeping the state graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (%1; the scenario is too large to keep its whole state graph)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fairness %1; one exploration: %2 states%3, %4 transitions, %5 s, %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (orbits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still possible: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ScenarioEditorDialog</name>
    <message>
        <source>A holder H with a genuine reference (DMA pin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faulting threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder&apos;s page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 faulting threads on %2 pages%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, with a holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::SettingsPanel</name>
    <message>
        <source>Skip the refcount check for device-private pages (the 2021 patch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced: the knobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ON: M7 commits without looking at page_count (v5.11 + the patch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFF: M7 checks page_count(D) against the expected count, as every released kernel does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Release %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom combination of the knobs below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::SimulationController</name>
    <message>
        <source>%1: unreadable (unexpected error)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::TallyPanel</name>
    <message>
        <source>The room&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 answered%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 agree with the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ★ model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal to the class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (restored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked before the session was restored: show its lesson page again to ask it, then reveal it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question asked yet: open a lesson page that asks one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::ThreadButtonsWidget</name>
    <message>
        <source>Step %1 — %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot step: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::VerdictModel</name>
    <message>
        <source>YES ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable. Click to load the shortest counterexample into the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: the exploration stopped before visiting every state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 states, %2 transitions, %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completes always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completes possible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::app::WatchBar</name>
    <message>
        <source>&amp;Watch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an expression, e.g. page_count(D0) or sleeping(T2); Enter adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number or true/false over the state (docs/expressions.md); every History row then shows its value after that step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped for this scenario: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove watch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initially %1 = %2 (before step 1). Click to stop watching it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::scenes</name>
    <message>
        <source>collect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>touches its page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZONE_DEVICE base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count a freed page is given back: free_zone_device_page resets it to 1 after page_free (v5.18 - v6.0, K24).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZONE_DEVICE base reference: device pages count from 1, so a live page never drops below it (K1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page table maps D (mapcount 1): one reference, dropped by collect&apos;s put_page at M4 and given back when the entry is restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The migrator&apos;s collect reference: get_page at M1, put_page at M8s.3, M8f.3, M5f.3 or M2-give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A migration-entry waiter&apos;s reference: get_page at W1, put_page at W4. Under count-waiters the check at M7 counts it too (K33).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A migration-entry waiter&apos;s reference: get_page at W1, put_page at W4 (v5.0-v5.16). The check at M7 does not expect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A genuine reference held by someone else (H), e.g. a driver or get_user_pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The faulting thread&apos;s own reference from do_swap_page (v6.1+): get_page at F1, put_page at F3. The check expects it only for the page this thread migrates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page_count(D) is higher than the references the scene can attribute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: killed by SIGBUS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: at %1 on page X%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, asleep in D%1&apos;s page-lock wait queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; can run: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; blocked: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page X%1: PTE %2; D%1 page_count %3, check expects %4, mapcount %5, PG_locked %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, PG_waiters set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, references: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, free in the driver pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; S%1 allocated, page_count %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; S%1 not allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale page use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>struct page D%1. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::scenes::BackdropItem</name>
    <message>
        <source>device memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>driver pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free device pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>references to D:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PTL held by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PTL free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale page use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::scenes::LockBadgeItem</name>
    <message>
        <source>PG_locked %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::scenes::PageCardItem</name>
    <message>
        <source>struct page D%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free (in pool) · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exp %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check wants %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  PG_waiters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::scenes::RaceScene</name>
    <message>
        <source>PTE of X%1: DEVPRIV = device-private entry (not present, faults), MIGR = migration entry (faulting threads wait), PRESENT = mapped to system page S%1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::scenes::RaceView</name>
    <message>
        <source>Race scene</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msb::scenes::SystemPageItem</name>
    <message>
        <source>S%1: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S%1: not allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system page S%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data v%1 ≠ D v%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page_count %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  PG_locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  unlocked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
