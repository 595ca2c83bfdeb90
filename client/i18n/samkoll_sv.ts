<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>BudgetChart</name>
    <message>
        <source>Costs per tertial, budget against outcome; the same figures are in the table beside it.</source>
        <translation>Kostnader per tertial, budget mot utfall; samma tal står i tabellen intill.</translation>
    </message>
    <message>
        <source>T1 (Jan–Apr)</source>
        <translation>T1 (jan–apr)</translation>
    </message>
    <message>
        <source>T2 (May–Aug)</source>
        <translation>T2 (maj–aug)</translation>
    </message>
    <message>
        <source>T3 (Sep–Dec)</source>
        <translation>T3 (sep–dec)</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Idag</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Ärende %1</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Aktualisering</translation>
    </message>
    <message>
        <source>Case code (pseudonym – never a name or personal identity number)</source>
        <translation>Ärendekod (pseudonym – aldrig namn eller personnummer)</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Födelseår</translation>
    </message>
    <message>
        <source>e.g. 1987</source>
        <translation>t.ex. 1987</translation>
    </message>
    <message>
        <source>Referral date</source>
        <translation>Aktualiseringsdatum</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Aktualiserad av</translation>
    </message>
    <message>
        <source>Beredning (decision)</source>
        <translation>Beredning (beslut)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Beslutsdatum</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Income support at start</source>
        <translation>Försörjning vid start</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <source>Time with public support</source>
        <translation>Tid med offentlig försörjning</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Avslut</translation>
    </message>
    <message>
        <source>Exit date</source>
        <translation>Avslutsdatum</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Avslutsorsak</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Ta bort…</translation>
    </message>
    <message>
        <source>Save the changes?</source>
        <translation>Spara ändringarna?</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>Släng ändringarna</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Fortsätt redigera</translation>
    </message>
    <message>
        <source>You have changed the case. Save the changes, discard them, or keep editing?</source>
        <translation>Du har ändrat ärendet. Vill du spara ändringarna, slänga dem eller fortsätta redigera?</translation>
    </message>
    <message numerus="yes">
        <source>Not saved – correct the %n field(s) marked in red.</source>
        <translation>
            <numerusform>Inte sparat – rätta fältet som är markerat i rött.</numerusform>
            <numerusform>Inte sparat – rätta de %n fälten som är markerade i rött.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Delete the case</source>
        <translation>Ta bort ärendet</translation>
    </message>
    <message>
        <source>Search case code (Ctrl+F)</source>
        <translation>Sök ärendekod (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Alla år</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Aktualiserad</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startad</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Avslutsorsak</translation>
    </message>
    <message>
        <source>not synced</source>
        <translation>ej synkad</translation>
    </message>
    <message>
        <source>No cases match the filter.</source>
        <translation>Inga ärenden matchar filtret.</translation>
    </message>
    <message>
        <source>No cases yet. Create the first one with “New case” (Ctrl+N).</source>
        <translation>Inga ärenden ännu. Skapa det första med ”Nytt ärende” (Ctrl+N).</translation>
    </message>
    <message>
        <source>Delete case %1?</source>
        <translation>Ta bort ärende %1?</translation>
    </message>
    <message>
        <source>The case disappears from the list and from all figures. You can undo it until it has been synced.</source>
        <translation>Ärendet försvinner ur listan och ur all statistik. Du kan ångra tills det har synkats.</translation>
    </message>
    <message>
        <source>Case %1 created.</source>
        <translation>Ärende %1 skapat.</translation>
    </message>
    <message>
        <source>Case %1 saved.</source>
        <translation>Ärende %1 sparat.</translation>
    </message>
    <message>
        <source>It is hidden by the filter.</source>
        <translation>Det döljs av filtret.</translation>
    </message>
</context>
<context>
    <name>CompositionPage</name>
    <message>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Sammansättning</translation>
    </message>
    <message>
        <source>Women and men among the team&apos;s staff and in its steering group. The gender-balance indicators of the index use these numbers.</source>
        <translation>Kvinnor och män bland teamets personal och i dess styrgrupp. Indexets indikatorer för könsfördelning använder de här talen.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Kvinnor</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Män</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Steering group</source>
        <translation>Styrgrupp</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Styrelse</translation>
    </message>
    <message>
        <source>Partner managers</source>
        <translation>Parternas chefsgrupp</translation>
    </message>
    <message>
        <source>Women and men on the association&apos;s board and in the partners&apos; management group (parternas chefsgrupp). They count for the association and for every team; the gender-balance indicators of the index use them. Their surveys are entered under Surveys.</source>
        <translation>Kvinnor och män i förbundets styrelse och i parternas chefsgrupp. De räknas för förbundet och för varje team; indexets könsfördelningsindikatorer använder dem. Deras enkäter förs in under Enkäter.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>EnrolmentPage</name>
    <message>
        <source>Welcome to Samkoll</source>
        <translation>Välkommen till Samkoll</translation>
    </message>
    <message>
        <source>Enter the server address and the enrolment code you got from the central office. You only do this once; after that Samkoll starts straight into your team&apos;s work, with or without a network.</source>
        <translation>Ange serveradressen och registreringskoden som du fått från kansliet. Det gör du bara en gång – sedan startar Samkoll direkt i ditt teams arbete, med eller utan nätverk.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradress</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Registreringskod</translation>
    </message>
    <message>
        <source>Server certificate file (only for a server with its own certificate)</source>
        <translation>Serverns certifikatfil (bara för en server med eget certifikat)</translation>
    </message>
    <message>
        <source>e.g. /home/me/samkoll-server.pem</source>
        <translation>t.ex. /home/jag/samkoll-server.pem</translation>
    </message>
    <message>
        <source>Enrol this computer</source>
        <translation>Registrera datorn</translation>
    </message>
</context>
<context>
    <name>FederationPage</name>
    <message>
        <source>%1 of %2 indicators achieved, %3 not assessable</source>
        <translation>%1 av %2 indikatorer uppnådda, %3 ej bedömbara</translation>
    </message>
    <message>
        <source>%1 of %2 achieved</source>
        <translation>%1 av %2 uppnådda</translation>
    </message>
    <message numerus="yes">
        <source>%n swing</source>
        <translation>
            <numerusform>%n i vippläge</numerusform>
            <numerusform>%n i vippläge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n low volume</source>
        <translation>
            <numerusform>%n med låg volym</numerusform>
            <numerusform>%n med låg volym</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inconclusive</source>
        <translation>
            <numerusform>%n osäker</numerusform>
            <numerusform>%n osäkra</numerusform>
        </translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Helår</translation>
    </message>
    <message>
        <source>T1 (Jan–Apr)</source>
        <translation>T1 (jan–apr)</translation>
    </message>
    <message>
        <source>T2 (May–Aug)</source>
        <translation>T2 (maj–aug)</translation>
    </message>
    <message>
        <source>T3 (Sep–Dec)</source>
        <translation>T3 (sep–dec)</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Shown as the server computed it %1 – it cannot be asked now.</source>
        <translation>Som servern räknade det %1 – den kan inte frågas just nu.</translation>
    </message>
    <message>
        <source>Computed by the server %1.</source>
        <translation>Räknat av servern %1.</translation>
    </message>
    <message>
        <source>Last from the teams %1.</source>
        <translation>Senast från teamen %1.</translation>
    </message>
    <message>
        <source>Approved %1 by %2: the figures as approved, whatever changed after.</source>
        <translation>Fastställt %1 av %2: siffrorna som godkändes, oavsett senare ändringar.</translation>
    </message>
    <message>
        <source>The association</source>
        <translation>Förbundet</translation>
    </message>
    <message>
        <source>Teams, best first</source>
        <translation>Teamen, bäst först</translation>
    </message>
    <message>
        <source>Over the years</source>
        <translation>Över åren</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>Approved: the figures the board approved</source>
        <translation>Fastställt: siffrorna som styrelsen godkände</translation>
    </message>
    <message>
        <source>Nothing fetched yet – the figures come from the server with the next sync.</source>
        <translation>Inget hämtat än – siffrorna kommer från servern vid nästa synk.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Case code</source>
        <translation>Ärendekod</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Födelseår</translation>
    </message>
    <message>
        <source>Referral date</source>
        <translation>Aktualiseringsdatum</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Aktualiserad av</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Beslutsdatum</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Exit date</source>
        <translation>Avslutsdatum</translation>
    </message>
    <message>
        <source>Outcome at exit</source>
        <translation>Avslutsorsak</translation>
    </message>
    <message>
        <source>Income support at start</source>
        <translation>Försörjning vid start</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <source>Time with public support</source>
        <translation>Tid med offentlig försörjning</translation>
    </message>
</context>
<context>
    <name>FinanceEntry</name>
    <message>
        <source>January</source>
        <translation>januari</translation>
    </message>
    <message>
        <source>February</source>
        <translation>februari</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>april</translation>
    </message>
    <message>
        <source>May</source>
        <translation>maj</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>augusti</translation>
    </message>
    <message>
        <source>September</source>
        <translation>september</translation>
    </message>
    <message>
        <source>October</source>
        <translation>oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>november</translation>
    </message>
    <message>
        <source>December</source>
        <translation>december</translation>
    </message>
</context>
<context>
    <name>FinanceEntryPage</name>
    <message>
        <source>Saved – it is sent with the next sync.</source>
        <translation>Sparad – den skickas vid nästa synk.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Opening equity (kr)</source>
        <translation>Ingående eget kapital (kr)</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>inte angivet</translation>
    </message>
    <message>
        <source>Kronor; costs negative. A month you type is the office&apos;s own outcome; empty it to fall back to the imported one. Tab or Enter saves the cell.</source>
        <translation>Kronor; kostnader negativa. En månad du skriver är kansliets eget utfall; töm den för att gå tillbaka till det inlästa. Tabb eller Retur sparar rutan.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>apr</translation>
    </message>
    <message>
        <source>May</source>
        <translation>maj</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>jul</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sep</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>okt</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>dec</translation>
    </message>
    <message>
        <source>Year so far</source>
        <translation>Året hittills</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognos</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>beräknas</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) were changed on another computer before yours arrived: choose which one stands.</source>
        <translation>
            <numerusform>%n uppgift ändrades på en annan dator innan din kom fram: välj vilken som ska gälla.</numerusform>
            <numerusform>%n uppgifter ändrades på en annan dator innan dina kom fram: välj vilka som ska gälla.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Behåll min</translation>
    </message>
    <message>
        <source>Take the other</source>
        <translation>Ta den andra</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>Intäkter</translation>
    </message>
    <message>
        <source>Central office, board and administration</source>
        <translation>Kansli, styrelse och administration</translation>
    </message>
    <message>
        <source>Operating costs</source>
        <translation>Verksamhetsnära kostnader</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <source>Financial items</source>
        <translation>Finansiella poster</translation>
    </message>
    <message>
        <source>Budget changes as a revision</source>
        <translation>Budgetändringar som revidering</translation>
    </message>
    <message>
        <source>New budget line…</source>
        <translation>Ny budgetrad…</translation>
    </message>
    <message>
        <source>No budget lines yet – add one (New budget line…), or they come with the next sync.</source>
        <translation>Inga budgetrader än – lägg till en (Ny budgetrad…), eller så kommer de med nästa synk.</translation>
    </message>
    <message>
        <source>Code, e.g. insats-vindeln</source>
        <translation>Kod, t.ex. insats-vindeln</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(inget team)</translation>
    </message>
    <message>
        <source>Team (an insats)</source>
        <translation>Team (en insats)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>FinancePage</name>
    <message>
        <source>Budget year</source>
        <translation>Budget år</translation>
    </message>
    <message>
        <source>Budget period</source>
        <translation>Budget perioden</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>Avvikelse</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Förbrukning</translation>
    </message>
    <message>
        <source>Outcome last year</source>
        <translation>Utfall fg år</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognos</translation>
    </message>
    <message>
        <source>Forecast deviation</source>
        <translation>Avvikelse prognos</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Helår</translation>
    </message>
    <message>
        <source>Operating statement %1</source>
        <translation>Driftredovisning %1</translation>
    </message>
    <message>
        <source>No budget or outcome yet – it comes with the next sync.</source>
        <translation>Ingen budget eller inget utfall ännu – det kommer med nästa synk.</translation>
    </message>
    <message>
        <source>Amounts in thousands of kronor (tkr), each cell rounded on its own; sums from kronor. * = forecast computed (outcome so far + the rest of the year&apos;s budget).</source>
        <translation>Belopp i tkr, varje cell avrundad för sig; summor räknas från kronor. * = prognos beräknad (utfall hittills + budget för resten av året).</translation>
    </message>
    <message>
        <source>Equity (tkr)</source>
        <translation>Eget kapital (tkr)</translation>
    </message>
    <message>
        <source>T1 (Jan–Apr)</source>
        <translation>T1 (jan–apr)</translation>
    </message>
    <message>
        <source>T2 (Jan–Aug)</source>
        <translation>T2 (jan–aug)</translation>
    </message>
    <message>
        <source>Costs per tertial (tkr): budget and outcome</source>
        <translation>Kostnader per tertial (tkr): budget och utfall</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Tertial</source>
        <translation>Tertial</translation>
    </message>
    <message>
        <source>Costs budget</source>
        <translation>Kostnader budget</translation>
    </message>
    <message>
        <source>Costs outcome</source>
        <translation>Kostnader utfall</translation>
    </message>
    <message>
        <source>Income budget</source>
        <translation>Intäkter budget</translation>
    </message>
    <message>
        <source>Income outcome</source>
        <translation>Intäkter utfall</translation>
    </message>
    <message>
        <source>T2 (May–Aug)</source>
        <translation>T2 (maj–aug)</translation>
    </message>
    <message>
        <source>T3 (Sep–Dec)</source>
        <translation>T3 (sep–dec)</translation>
    </message>
    <message>
        <source>Costs are negative; deviation = outcome − budget, positive is favourable. A tertial without outcome shows –.</source>
        <translation>Kostnader är negativa; avvikelse = utfall − budget, positiv är gynnsam. En tertial utan utfall visar –.</translation>
    </message>
    <message>
        <source>Cost per participant and outcome (kr)</source>
        <translation>Kostnad per deltagare och utfall (kr)</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>Avslut</translation>
    </message>
    <message>
        <source>Positive exits</source>
        <translation>Positiva avslut</translation>
    </message>
    <message>
        <source>Per participant</source>
        <translation>Per deltagare</translation>
    </message>
    <message>
        <source>Per exit</source>
        <translation>Per avslut</translation>
    </message>
    <message>
        <source>Per positive exit</source>
        <translation>Per positivt avslut</translation>
    </message>
    <message>
        <source>Member contributions</source>
        <translation>Medlemsavgifter</translation>
    </message>
</context>
<context>
    <name>HaePage</name>
    <message>
        <source>Open a HÅE file</source>
        <translation>Öppna en HÅE-fil</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt)</source>
        <translation>CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>HÅE statistics</source>
        <translation>HÅE-statistik</translation>
    </message>
    <message>
        <source>The kommuner&apos;s helårsekvivalenter and population aged 20–64 per year, as Statistics Sweden gives them: a semicolon file with the columns kommun; year; hae_total; hae_illness; hae_unemployment; hae_assistance; population_20_64. The index&apos;s statistics trend indicators use them.</source>
        <translation>Kommunernas helårsekvivalenter och befolkning 20–64 år per år, som SCB ger dem: en semikolonfil med kolumnerna kommun; year; hae_total; hae_illness; hae_unemployment; hae_assistance; population_20_64. Indexets indikatorer för statistikutveckling använder dem.</translation>
    </message>
    <message>
        <source>Open a HÅE file…</source>
        <translation>Öppna en HÅE-fil…</translation>
    </message>
    <message numerus="yes">
        <source>Import %n kommun-year(s)</source>
        <translation>
            <numerusform>Läs in %n kommunår</numerusform>
            <numerusform>Läs in %n kommunår</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Preview of %1: %2 new or changed, %3 as already stored. Nothing is saved until you import.</source>
        <translation>Förhandsvisning av %1: %2 nya eller ändrade, %3 redan som sparat. Inget sparas förrän du läser in.</translation>
    </message>
    <message>
        <source>Kommun</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>HÅE</source>
        <translation>HÅE</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Före</translation>
    </message>
    <message>
        <source>Illness</source>
        <translation>Ohälsa</translation>
    </message>
    <message>
        <source>Unemployment</source>
        <translation>Arbetslöshetsstöd</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>Ekonomiskt bistånd</translation>
    </message>
    <message>
        <source>Population 20–64</source>
        <translation>Befolkning 20–64</translation>
    </message>
    <message>
        <source>new</source>
        <translation>ny</translation>
    </message>
</context>
<context>
    <name>JudgmentsPage</name>
    <message>
        <source>Achieved</source>
        <translation>Uppnått</translation>
    </message>
    <message>
        <source>Not achieved</source>
        <translation>Ej uppnått</translation>
    </message>
    <message>
        <source>Not judged</source>
        <translation>Ej bedömd</translation>
    </message>
    <message>
        <source>The association</source>
        <translation>Förbundet</translation>
    </message>
    <message>
        <source>Choose achieved or not achieved.</source>
        <translation>Välj uppnått eller ej uppnått.</translation>
    </message>
    <message>
        <source>Saved – it is sent with the next sync.</source>
        <translation>Sparad – den skickas vid nästa synk.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Only those not judged</source>
        <translation>Bara de obedömda</translation>
    </message>
    <message>
        <source>The year&apos;s social budget has no indicator the office judges.</source>
        <translation>Årets sociala budget har ingen indikator som kansliet bedömer.</translation>
    </message>
    <message>
        <source>%1 of %2 still without a judgment: the unit is not assessable on the indicator until it is judged.</source>
        <translation>%1 av %2 saknar ännu bedömning: enheten är inte bedömbar på indikatorn förrän den bedömts.</translation>
    </message>
    <message>
        <source>Every unit is judged on every indicator the office judges (%1).</source>
        <translation>Varje enhet är bedömd på varje indikator som kansliet bedömer (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%n judgment(s) were changed on another computer before yours arrived: choose which one stands.</source>
        <translation>
            <numerusform>%n bedömning ändrades på en annan dator innan din kom fram: välj vilken som ska gälla.</numerusform>
            <numerusform>%n bedömningar ändrades på en annan dator innan dina kom fram: välj vilken som ska gälla.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not judged – not assessable</source>
        <translation>Ej bedömd – inte bedömbar</translation>
    </message>
    <message>
        <source>not synced</source>
        <translation>ej synkad</translation>
    </message>
    <message>
        <source>Motivation (what the judgment rests on)</source>
        <translation>Motivering (vad bedömningen vilar på)</translation>
    </message>
    <message>
        <source>E.g. the compilation is in the minutes of 2 November.</source>
        <translation>T.ex. sammanställningen finns i protokollet från 2 november.</translation>
    </message>
    <message>
        <source>Save judgment</source>
        <translation>Spara bedömningen</translation>
    </message>
    <message>
        <source>Remove judgment</source>
        <translation>Ta bort bedömningen</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Behåll min</translation>
    </message>
    <message>
        <source>Take the other</source>
        <translation>Ta den andra</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Samkoll – %1</source>
        <translation>Samkoll – %1</translation>
    </message>
    <message>
        <source>Samkoll</source>
        <translation>Samkoll</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synk</translation>
    </message>
    <message>
        <source>Opening the local database…</source>
        <translation>Öppnar den lokala databasen…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <source>Case %1 was deleted. You can undo this until it has been synced.</source>
        <translation>Ärende %1 togs bort. Du kan ångra tills det har synkats.</translation>
    </message>
    <message>
        <source>The case is back.</source>
        <translation>Ärendet är tillbaka.</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Enkäter</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>Success stories</source>
        <translation>Goda exempel</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Sammansättning</translation>
    </message>
    <message>
        <source>Budget and outcome</source>
        <translation>Budget och utfall</translation>
    </message>
    <message>
        <source>The association</source>
        <translation>Förbundet</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Perioder</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Judgments</source>
        <translation>Bedömningar</translation>
    </message>
    <message>
        <source>Enter finance</source>
        <translation>Ekonomi</translation>
    </message>
    <message>
        <source>Social budget</source>
        <translation>Social budget</translation>
    </message>
    <message>
        <source>HÅE statistics</source>
        <translation>HÅE-statistik</translation>
    </message>
    <message>
        <source>Import utfall</source>
        <translation>Läs in utfall</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>No social budget for this year yet.</source>
        <translation>Ingen social budget för året ännu.</translation>
    </message>
    <message>
        <source>As of the last sync, %1</source>
        <translation>Enligt senaste synk, %1</translation>
    </message>
    <message>
        <source>Not fetched yet – it comes with the next sync.</source>
        <translation>Inte hämtat ännu – kommer med nästa synk.</translation>
    </message>
    <message>
        <source>%1 of %2 indicators achieved, %3 cannot be judged for the period</source>
        <translation>%1 av %2 indikatorer uppnådda, %3 kan inte bedömas för perioden</translation>
    </message>
    <message>
        <source>The association</source>
        <translation>Förbundet</translation>
    </message>
</context>
<context>
    <name>PeriodPage</name>
    <message>
        <source>Approve %1</source>
        <translation>Fastställ %1</translation>
    </message>
    <message>
        <source>Approve and lock</source>
        <translation>Fastställ och lås</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The year&apos;s index is kept as it stands now, and every report of the year shows it. Cases, surveys and money of the year can no longer be changed until it is opened again.</source>
        <translation>Årets index sparas som det ser ut nu, och varje rapport för året visar det. Årets ärenden, enkäter och ekonomi kan inte längre ändras förrän året öppnas igen.</translation>
    </message>
    <message>
        <source>Decision (whose and when)</source>
        <translation>Beslut (vems och när)</translation>
    </message>
    <message>
        <source>e.g. Styrelsen 2022-03-14 § 12</source>
        <translation>t.ex. Styrelsen 2022-03-14 § 12</translation>
    </message>
    <message>
        <source>Open %1 again?</source>
        <translation>Öppna %1 igen?</translation>
    </message>
    <message>
        <source>The approved figures are let go: the year&apos;s reports are computed from the data again, and changes to the year are accepted.</source>
        <translation>De fastställda siffrorna släpps: årets rapporter räknas från uppgifterna igen, och ändringar i året tas emot.</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>Öppna igen</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Perioder</translation>
    </message>
    <message>
        <source>Approve (fastställ) a year after the board&apos;s decision: its figures are kept as approved. Open it again if the board decides so.</source>
        <translation>Fastställ ett år efter styrelsens beslut: dess siffror sparas som de godkändes. Öppna det igen om styrelsen beslutar det.</translation>
    </message>
    <message>
        <source>The years the central office has approved after the board&apos;s decision, with the index as it was approved.</source>
        <translation>De år kansliet har fastställt efter styrelsens beslut, med index som det godkändes.</translation>
    </message>
    <message>
        <source>Approved %1 – %2</source>
        <translation>Fastställt %1 – %2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppet</translation>
    </message>
    <message>
        <source>Open again…</source>
        <translation>Öppna igen…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Fastställ…</translation>
    </message>
    <message>
        <source>The association</source>
        <translation>Förbundet</translation>
    </message>
    <message>
        <source>No year with a social budget yet.</source>
        <translation>Inget år med social budget ännu.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Save the report</source>
        <translation>Spara rapporten</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webbsida (*.html)</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV för Excel (*.csv)</translation>
    </message>
    <message>
        <source>Create report</source>
        <translation>Skapa rapport</translation>
    </message>
    <message>
        <source>The board&apos;s copy: aggregates only – a count of 1–4 people is hidden, as in every figure the board sees.</source>
        <translation>Styrelsens exemplar: bara sammanställningar – ett antal på 1–4 personer döljs, som i allt styrelsen ser.</translation>
    </message>
    <message>
        <source>The central office&apos;s copy: exact counts. Give the board its own copy (made from a board member&apos;s Samkoll) – small counts are hidden there.</source>
        <translation>Kansliets exemplar: exakta antal. Ge styrelsen dess eget exemplar (gjort i en ledamots Samkoll) – där döljs små antal.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Social report (socialt bokslut)</source>
        <translation>Socialt bokslut</translation>
    </message>
    <message>
        <source>Interim report for the board (delårsrapport)</source>
        <translation>Delårsrapport till styrelsen</translation>
    </message>
    <message>
        <source>Operating statement (driftredovisning)</source>
        <translation>Driftredovisning</translation>
    </message>
    <message>
        <source>Participant statistics</source>
        <translation>Deltagarstatistik</translation>
    </message>
    <message>
        <source>Ranking and trend</source>
        <translation>Rangordning och utveckling</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Helår</translation>
    </message>
    <message>
        <source>T1 (Jan–Apr)</source>
        <translation>T1 (jan–apr)</translation>
    </message>
    <message>
        <source>T2 (Jan–Aug)</source>
        <translation>T2 (jan–aug)</translation>
    </message>
    <message>
        <source>T3 (Jan–Dec)</source>
        <translation>T3 (jan–dec)</translation>
    </message>
    <message>
        <source>T2 (May–Aug)</source>
        <translation>T2 (maj–aug)</translation>
    </message>
    <message>
        <source>T3 (Sep–Dec)</source>
        <translation>T3 (sep–dec)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>The whole association</source>
        <translation>Hela förbundet</translation>
    </message>
    <message>
        <source>The association and every team</source>
        <translation>Förbundet och alla team</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>CSV (one file per table)</source>
        <translation>CSV (en fil per tabell)</translation>
    </message>
    <message>
        <source>Create report…</source>
        <translation>Skapa rapport…</translation>
    </message>
    <message>
        <source>No social budget yet – reports can be made once the first sync has brought one.</source>
        <translation>Ingen social budget ännu – rapporter kan göras när första synkningen har hämtat en.</translation>
    </message>
    <message>
        <source>The server makes the report from every team&apos;s synced data, so it needs the network. A locked year shows the figures as the board approved them.</source>
        <translation>Servern gör rapporten av alla teams synkade uppgifter, så den kräver nätverk. Ett fastställt år visar siffrorna som styrelsen godkände dem.</translation>
    </message>
</context>
<context>
    <name>SiePage</name>
    <message>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Läs in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Approved years in the file are left as they are: %1.</source>
        <translation>Fastställda år i filen lämnas som de är: %1.</translation>
    </message>
    <message>
        <source>Budget line</source>
        <translation>Budgetrad</translation>
    </message>
    <message>
        <source>Utfall before</source>
        <translation>Utfall före</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Förändring</translation>
    </message>
    <message>
        <source>The file changes no line&apos;s utfall.</source>
        <translation>Filen ändrar inget utfall.</translation>
    </message>
    <message numerus="yes">
        <source>Omappat: %1 kr on %n account(s) no budget line takes – give each its line:</source>
        <translation>
            <numerusform>Omappat: %1 kr på %n konto som ingen budgetrad tar – ge det sin rad:</numerusform>
            <numerusform>Omappat: %1 kr på %n konton som ingen budgetrad tar – ge vart och ett sin rad:</numerusform>
        </translation>
    </message>
    <message>
        <source>Budget line for account %1</source>
        <translation>Budgetrad för konto %1</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mappa</translation>
    </message>
    <message>
        <source>Account mapping</source>
        <translation>Kontomappning</translation>
    </message>
    <message>
        <source>Accounts from–to (4000–4999 takes every account that starts so, BAS or Kommun-Bas), and/or one object of a dimension (1 kostnadsställe, 6 projekt). A rule with both comes first, then object only, then accounts only.</source>
        <translation>Konton från–till (4000–4999 tar varje konto som börjar så, BAS eller Kommun-Bas) och/eller ett objekt i en dimension (1 kostnadsställe, 6 projekt). En regel med båda går först, sedan bara objekt, sedan bara konton.</translation>
    </message>
    <message>
        <source>Accounts from</source>
        <translation>Konton från</translation>
    </message>
    <message>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Accounts to</source>
        <translation>Konton till</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Lägg till regel</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>Spara mappningen</translation>
    </message>
    <message>
        <source>Open a SIE or CSV file</source>
        <translation>Öppna en SIE- eller CSV-fil</translation>
    </message>
    <message>
        <source>SIE or CSV (*.se *.si *.sie *.SE *.csv)</source>
        <translation>SIE eller CSV (*.se *.si *.sie *.SE *.csv)</translation>
    </message>
    <message>
        <source>Import utfall</source>
        <translation>Läs in utfall</translation>
    </message>
    <message>
        <source>The bookkeeping&apos;s file (SIE 2, 3 or 4) gives each budget line its utfall per month through the account mapping below; a CSV file (line; year; month; amount) gives it directly. You see what it would change before anything is saved; amounts no line takes are listed as omappat, never dropped.</source>
        <translation>Bokföringens fil (SIE 2, 3 eller 4) ger varje budgetrad dess utfall per månad genom kontomappningen nedan; en CSV-fil (line; year; month; amount) ger det direkt. Du ser vad den skulle ändra innan något sparas; belopp som ingen rad tar listas som omappat och tappas aldrig.</translation>
    </message>
    <message>
        <source>Open a SIE or CSV file…</source>
        <translation>Öppna en SIE- eller CSV-fil…</translation>
    </message>
    <message>
        <source>Choose a line…</source>
        <translation>Välj rad…</translation>
    </message>
</context>
<context>
    <name>SocialBudgetEditor</name>
    <message>
        <source>Share of outcomes</source>
        <translation>Andel av utfall</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Genomströmning</translation>
    </message>
    <message>
        <source>Gender balance</source>
        <translation>Könsfördelning</translation>
    </message>
    <message>
        <source>Share of survey answers</source>
        <translation>Andel enkätsvar</translation>
    </message>
    <message>
        <source>Gap between women and men</source>
        <translation>Skillnad mellan kvinnor och män</translation>
    </message>
    <message>
        <source>Number of success stories</source>
        <translation>Antal framgångsbeskrivningar</translation>
    </message>
    <message>
        <source>Statistics trend (HÅE)</source>
        <translation>Statistikutveckling (HÅE)</translation>
    </message>
    <message>
        <source>The office&apos;s judgment</source>
        <translation>Kansliets bedömning</translation>
    </message>
</context>
<context>
    <name>SocialBudgetPage</name>
    <message>
        <source>at least</source>
        <translation>minst</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>högst</translation>
    </message>
    <message>
        <source>between</source>
        <translation>mellan</translation>
    </message>
    <message>
        <source>decrease</source>
        <translation>minskning</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>inget mål</translation>
    </message>
    <message>
        <source>Open a social budget file</source>
        <translation>Öppna en fil med social budget</translation>
    </message>
    <message>
        <source>Social budget (*.json)</source>
        <translation>Social budget (*.json)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Start %1 from %2</source>
        <translation>Starta %1 från %2</translation>
    </message>
    <message>
        <source>Open a budget file…</source>
        <translation>Öppna en budgetfil…</translation>
    </message>
    <message>
        <source>From a template</source>
        <translation>Från en mall</translation>
    </message>
    <message>
        <source>The 2021 template (Umeåregionen) for %1</source>
        <translation>2021 års mall (Umeåregionen) för %1</translation>
    </message>
    <message>
        <source>The national NNS core indicators for %1</source>
        <translation>De nationella NNS-kärnindikatorerna för %1</translation>
    </message>
    <message>
        <source>Save – replaces %1</source>
        <translation>Spara – ersätter %1</translation>
    </message>
    <message>
        <source>Save on the server</source>
        <translation>Spara på servern</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Släng utkastet</translation>
    </message>
    <message>
        <source>Does not hold yet – %1</source>
        <translation>Håller inte än – %1</translation>
    </message>
    <message>
        <source>The budget holds: the same checks as an imported file (ideal shares 100, weights 1–10, targets, questions).</source>
        <translation>Budgeten håller: samma kontroller som för en inläst fil (idealandelar 100, vikter 1–10, mål, frågor).</translation>
    </message>
    <message>
        <source>Ideal shares of the areas: %1 %</source>
        <translation>Områdenas idealandelar: %1 %</translation>
    </message>
    <message>
        <source>Area %1</source>
        <translation>Område %1</translation>
    </message>
    <message>
        <source>Ideal share (%)</source>
        <translation>Idealandel (%)</translation>
    </message>
    <message>
        <source>Ideal share of area %1</source>
        <translation>Idealandel för område %1</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation>Vikt för %1</translation>
    </message>
    <message>
        <source>Kind of target of %1</source>
        <translation>Typ av mål för %1</translation>
    </message>
    <message>
        <source>Target of %1</source>
        <translation>Mål för %1</translation>
    </message>
</context>
<context>
    <name>StoriesPage</name>
    <message>
        <source>New success story</source>
        <translation>Nytt gott exempel</translation>
    </message>
    <message>
        <source>Edit success story</source>
        <translation>Ändra gott exempel</translation>
    </message>
    <message>
        <source>Anonymise: no names, personal identity numbers, ages, places or details that could point out a person. Write so that the participant would recognise the story but nobody else could identify them.</source>
        <translation>Anonymisera: inga namn, personnummer, åldrar, orter eller detaljer som kan peka ut en person. Skriv så att deltagaren känner igen berättelsen men ingen annan kan identifiera hen.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>The story</source>
        <translation>Berättelsen</translation>
    </message>
    <message>
        <source>What was the situation, what did the team and the partners do, what changed?</source>
        <translation>Hur var situationen, vad gjorde teamet och parterna, vad förändrades?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nytt</translation>
    </message>
    <message>
        <source>The team&apos;s success stories</source>
        <translation>Teamets goda exempel</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Inga ännu.</translation>
    </message>
    <message>
        <source>not synced</source>
        <translation>ej synkad</translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <source>Correct</source>
        <translation>Rätta</translation>
    </message>
    <message>
        <source>Sheet saved (%1 this session). Next one!</source>
        <translation>Enkäten sparad (%1 i den här omgången). Nästa!</translation>
    </message>
    <message>
        <source>The counter-entry is saved.</source>
        <translation>Motbokningen är sparad.</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Tillfrågade</translation>
    </message>
    <message>
        <source>Save number</source>
        <translation>Spara antal</translation>
    </message>
    <message>
        <source>Grid (questions × options × gender)</source>
        <translation>Rutnät (frågor × svar × kön)</translation>
    </message>
    <message>
        <source>One answer sheet at a time</source>
        <translation>En enkät i taget</translation>
    </message>
    <message>
        <source>Save the entry</source>
        <translation>Spara inmatningen</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Svarande</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Inget svar</translation>
    </message>
    <message>
        <source>Save the sheet</source>
        <translation>Spara enkäten</translation>
    </message>
    <message>
        <source>Entries in this round</source>
        <translation>Inmatningar i omgången</translation>
    </message>
    <message>
        <source>Nothing entered yet.</source>
        <translation>Inget inmatat ännu.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>okänd</translation>
    </message>
    <message>
        <source>Counter-entry: %1 answers</source>
        <translation>Motbokning: %1 svar</translation>
    </message>
    <message>
        <source>%1 answers in %2 cells</source>
        <translation>%1 svar i %2 rutor</translation>
    </message>
    <message>
        <source>Correct (counter-entry)…</source>
        <translation>Rätta (motbokning)…</translation>
    </message>
    <message>
        <source>Correct this entry?</source>
        <translation>Rätta inmatningen?</translation>
    </message>
    <message>
        <source>A counter-entry subtracts all %1 answers of the entry again. Nothing is erased: both entries stay visible. Enter the right answers afterwards.</source>
        <translation>En motbokning drar av inmatningens alla %1 svar igen. Inget raderas: båda inmatningarna syns kvar. Mata sedan in de rätta svaren.</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n svar</numerusform>
            <numerusform>%n svar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n cell(s) saved.</source>
        <translation>
            <numerusform>i %n ruta sparade.</numerusform>
            <numerusform>i %n rutor sparade.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The correction is saved: %n cell(s) changed.</source>
        <translation>
            <numerusform>Rättelsen är sparad: %n ruta ändrad.</numerusform>
            <numerusform>Rättelsen är sparad: %n rutor ändrade.</numerusform>
        </translation>
    </message>
    <message>
        <source>To correct one cell: type −1 where an answer was wrong and 1 where it belongs, then save.</source>
        <translation>Rätta en ruta: skriv −1 där ett svar blev fel och 1 där det hör hemma, och spara.</translation>
    </message>
    <message>
        <source>Correction of %1 cells (net %2)</source>
        <translation>Rättelse av %1 rutor (netto %2)</translation>
    </message>
    <message>
        <source>counter-entered</source>
        <translation>motbokad</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Synk</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Anslutning</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Ansluten</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Frånkopplad</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Väntar på att skickas</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n ändring</numerusform>
            <numerusform>%n ändringar</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Senaste synk</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synka nu</translation>
    </message>
    <message>
        <source>Conflicts to resolve</source>
        <translation>Konflikter att lösa</translation>
    </message>
    <message>
        <source>No conflicts. When two computers change the same field of a case before syncing, it is shown here and you choose which value stays.</source>
        <translation>Inga konflikter. När två datorer ändrar samma uppgift i ett ärende innan de synkat visas det här, och du väljer vilket värde som gäller.</translation>
    </message>
    <message>
        <source>Case %1 – %2</source>
        <translation>Ärende %1 – %2</translation>
    </message>
    <message>
        <source>Now: %1 · Other computer: %2</source>
        <translation>Nu: %1 · Andra datorn: %2</translation>
    </message>
    <message>
        <source>Keep “%1”</source>
        <translation>Behåll ”%1”</translation>
    </message>
    <message>
        <source>Use “%1”</source>
        <translation>Använd ”%1”</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Nekade ändringar</translation>
    </message>
    <message>
        <source>None. A change the server refuses (for example in a locked year) stays here with the reason until it is fixed.</source>
        <translation>Inga. En ändring som servern nekar (till exempel i ett låst år) ligger kvar här med skälet tills den är åtgärdad.</translation>
    </message>
    <message>
        <source>Yes, delete these cases</source>
        <translation>Ja, ta bort ärendena</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certifikat</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Behåll min</translation>
    </message>
    <message>
        <source>Take the other</source>
        <translation>Ta den andra</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Online</source>
        <translation>Ansluten</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Frånkopplad</translation>
    </message>
    <message>
        <source>Offline – everything is saved on this computer</source>
        <translation>Frånkopplad – allt sparas på den här datorn</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Alla ändringar synkade</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n ändring väntar</numerusform>
            <numerusform>%n ändringar väntar</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Senast synkad: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n konflikt att lösa</numerusform>
            <numerusform>%n konflikter att lösa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused change(s)</source>
        <translation>
            <numerusform>%n nekad ändring</numerusform>
            <numerusform>%n nekade ändringar</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synka nu</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
</context>
<context>
    <name>TallyCell</name>
    <message>
        <source>now %1</source>
        <translation>nu %1</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>Woman</source>
        <translation>Kvinna</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Man</translation>
    </message>
    <message>
        <source>Other/not stated</source>
        <translation>Annat/ej angivet</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Aktualiserad</translation>
    </message>
    <message>
        <source>Accepted, not started</source>
        <translation>Beviljad, ej startad</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Ej aktuell</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>Pågående</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Arbete</translation>
    </message>
    <message>
        <source>Extra job (extratjänst)</source>
        <translation>Extratjänst</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Studier</translation>
    </message>
    <message>
        <source>Continued rehabilitation / job seeking</source>
        <translation>Fortsatt rehabilitering / öppet arbetssökande</translation>
    </message>
    <message>
        <source>Established that work capacity is lacking</source>
        <translation>Klargjort att arbetsförmåga saknas</translation>
    </message>
    <message>
        <source>Dropped out for health reasons</source>
        <translation>Avbrott av hälsoskäl</translation>
    </message>
    <message>
        <source>Other dropout</source>
        <translation>Övriga avbrott</translation>
    </message>
    <message>
        <source>Public Employment Service</source>
        <translation>Arbetsförmedlingen</translation>
    </message>
    <message>
        <source>Social Insurance Agency</source>
        <translation>Försäkringskassan</translation>
    </message>
    <message>
        <source>Social services</source>
        <translation>Socialtjänsten</translation>
    </message>
    <message>
        <source>Region (health care)</source>
        <translation>Regionen (hälso- och sjukvård)</translation>
    </message>
    <message>
        <source>Other municipal service</source>
        <translation>Annan kommunal verksamhet</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Sickness/rehabilitation benefit</source>
        <translation>Sjukpenning/Rehabpenning</translation>
    </message>
    <message>
        <source>Activity compensation</source>
        <translation>Aktivitetsersättning</translation>
    </message>
    <message>
        <source>Sickness compensation</source>
        <translation>Sjukersättning</translation>
    </message>
    <message>
        <source>Unemployment insurance</source>
        <translation>A-kassa</translation>
    </message>
    <message>
        <source>Activity support</source>
        <translation>Aktivitetsstöd</translation>
    </message>
    <message>
        <source>Social assistance</source>
        <translation>Försörjningsstöd</translation>
    </message>
    <message>
        <source>Student aid</source>
        <translation>Studiestöd/Studiemedel</translation>
    </message>
    <message>
        <source>No public support</source>
        <translation>Ingen offentlig försörjning</translation>
    </message>
    <message>
        <source>Compulsory school</source>
        <translation>Grundskola</translation>
    </message>
    <message>
        <source>Upper secondary school</source>
        <translation>Gymnasium</translation>
    </message>
    <message>
        <source>University up to 1 year</source>
        <translation>Högskola/Universitet upp till 1 år</translation>
    </message>
    <message>
        <source>University up to 3 years</source>
        <translation>Högskola/Universitet upp till 3 år</translation>
    </message>
    <message>
        <source>University more than 3 years</source>
        <translation>Högskola/Universitet mer än 3 år</translation>
    </message>
    <message>
        <source>Other post-secondary education</source>
        <translation>Annan eftergymnasial utbildning</translation>
    </message>
    <message>
        <source>Missing/unknown</source>
        <translation>Saknas/okänd</translation>
    </message>
    <message>
        <source>Up to 1 year</source>
        <translation>Upp till 1 år</translation>
    </message>
    <message>
        <source>Up to 2 years</source>
        <translation>Upp till 2 år</translation>
    </message>
    <message>
        <source>Up to 3 years</source>
        <translation>Upp till 3 år</translation>
    </message>
    <message>
        <source>Up to 4 years</source>
        <translation>Upp till 4 år</translation>
    </message>
    <message>
        <source>Up to 5 years</source>
        <translation>Upp till 5 år</translation>
    </message>
    <message>
        <source>Up to 6 years</source>
        <translation>Upp till 6 år</translation>
    </message>
    <message>
        <source>Up to 7 years</source>
        <translation>Upp till 7 år</translation>
    </message>
    <message>
        <source>Up to 8 years</source>
        <translation>Upp till 8 år</translation>
    </message>
    <message>
        <source>Up to 9 years</source>
        <translation>Upp till 9 år</translation>
    </message>
    <message>
        <source>More than 9 years</source>
        <translation>Mer än 9 år</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Data saknas</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>Vill ej svara</translation>
    </message>
    <message>
        <source>Participants at exit</source>
        <translation>Deltagare vid avslut</translation>
    </message>
    <message>
        <source>Participants during support</source>
        <translation>Deltagare under insats</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Steering group</source>
        <translation>Styrgrupp</translation>
    </message>
    <message>
        <source>Board and heads of the förbund</source>
        <translation>Styrelse/förbundschefer</translation>
    </message>
    <message>
        <source>Partners&apos; management group</source>
        <translation>Parternas chefsgrupp</translation>
    </message>
    <message>
        <source>A positive solution for the individual</source>
        <translation>För individen positiv lösning</translation>
    </message>
    <message>
        <source>Other actors included</source>
        <translation>Inkludering av andra aktörer</translation>
    </message>
    <message>
        <source>Development areas at the partners</source>
        <translation>Utvecklingsområden hos parterna</translation>
    </message>
    <message>
        <source>The merry-go-round broken</source>
        <translation>Rundgången bruten</translation>
    </message>
    <message>
        <source>A rehabilitation obstacle handled</source>
        <translation>Rehabiliteringshinder hanterat</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>The index of each unit over the years; the same figures are in the table beside it.</source>
        <translation>Varje enhets index över åren; samma tal står i tabellen intill.</translation>
    </message>
    <message>
        <source>green from %1</source>
        <translation>grön från %1</translation>
    </message>
    <message>
        <source>orange from %1</source>
        <translation>orange från %1</translation>
    </message>
</context>
<context>
    <name>UnitIndexView</name>
    <message>
        <source>No social budget for this year yet.</source>
        <translation>Ingen social budget för året ännu.</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Uppnått</translation>
    </message>
    <message>
        <source>Not achieved</source>
        <translation>Ej uppnått</translation>
    </message>
    <message>
        <source>Not assessable</source>
        <translation>Ej bedömbart</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>Impactindex %1, %2</source>
        <translation>Impactindex %1, %2</translation>
    </message>
    <message>
        <source>%1 of %2 indicators achieved, %3 not assessable · impact value %4 of %5</source>
        <translation>%1 av %2 indikatorer uppnådda, %3 ej bedömbara · impactvärde %4 av %5</translation>
    </message>
    <message>
        <source>In this tertial %1 of %2 indicators cannot be judged yet: they have no result in the period and are left out of the index, not counted as not achieved.</source>
        <translation>I tertialen kan %1 av %2 indikatorer inte bedömas än: de har inget utfall under perioden och lämnas utanför indexet – de räknas inte som ej uppnådda.</translation>
    </message>
    <message>
        <source>Beside it: %1 swing, %2 low volume, %3 inconclusive · volume-adjusted index %4</source>
        <translation>Vid sidan av: %1 i vippläge, %2 med låg volym, %3 osäkra · volymjusterat index %4</translation>
    </message>
    <message>
        <source>Swing: one person the other way changes whether the target is met · low volume: fewer than %1 in the base · inconclusive: not met, but the 90 % interval reaches the target. The volume-adjusted and graded indexes are beside the published method, not part of it.</source>
        <translation>Vippläge: en person åt andra hållet ändrar om målet nås · låg volym: färre än %1 i underlaget · osäker: målet nås inte, men 90 %-intervallet når det. Det volymjusterade och det graderade indexet står vid sidan av den publicerade metoden, inte i den.</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Alla målområden</translation>
    </message>
    <message>
        <source>%1 of %2 achieved</source>
        <translation>%1 av %2 uppnådda</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Mål: %1</translation>
    </message>
    <message>
        <source>swing</source>
        <translation>vippläge</translation>
    </message>
    <message>
        <source>low volume</source>
        <translation>låg volym</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>osäker</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Räknat</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Kvinnor</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Män</translation>
    </message>
    <message>
        <source>90 % interval</source>
        <translation>90 %-intervall</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Markeringar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Revoke the device?</source>
        <translation>Spärra enheten?</translation>
    </message>
    <message>
        <source>The device can no longer sync; what it has not synced stays on it. Use this for a lost or replaced computer – the user gets a new enrolment code for the next one.</source>
        <translation>Enheten kan inte längre synka; det den inte har synkat blir kvar på den. Använd det för en förlorad eller utbytt dator – användaren får en ny registreringskod till nästa.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Spärra</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Samordnare</translation>
    </message>
    <message>
        <source>Central office</source>
        <translation>Kansli</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Styrelse</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Add a user, then make an enrolment code for the user&apos;s computer: the code is used once, at the first start of Samkoll there. No names or personal identity numbers – a login such as &quot;anna.k&quot; is enough.</source>
        <translation>Lägg till en användare och gör sedan en registreringskod till användarens dator: koden används en gång, när Samkoll startas där första gången. Inga namn eller personnummer – ett användarnamn som ”anna.k” räcker.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>e.g. anna.k</source>
        <translation>t.ex. anna.k</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Lägg till användare</translation>
    </message>
    <message>
        <source>Enrolment code for %1</source>
        <translation>Registreringskod för %1</translation>
    </message>
    <message>
        <source>New enrolment code</source>
        <translation>Ny registreringskod</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Spärrad</translation>
    </message>
    <message>
        <source>Last seen %1</source>
        <translation>Senast synkad %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Aldrig synkad</translation>
    </message>
    <message>
        <source>(this computer)</source>
        <translation>(den här datorn)</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Spärra…</translation>
    </message>
</context>
<context>
    <name>samkoll::client::AppController</name>
    <message>
        <source>The local database could not be opened: %1. Nothing has been changed in it; contact the central office.</source>
        <translation>Den lokala databasen kunde inte öppnas: %1. Inget har ändrats i den; kontakta kansliet.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 minutes %2 the server&apos;s. Set the right time so that dates and the order of edits come out right.</source>
        <translation>Datorns klocka går %1 minuter %2 serverns. Ställ in rätt tid så att datum och ordningen mellan ändringar blir rätt.</translation>
    </message>
    <message>
        <source>ahead of</source>
        <translation>före</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>efter</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tomt)</translation>
    </message>
    <message>
        <source>Survey entry</source>
        <translation>Enkätsvar</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Ärende %1</translation>
    </message>
    <message>
        <source>Write the server address in full, e.g. https://samkoll.example.se:8443</source>
        <translation>Skriv hela serveradressen, t.ex. https://samkoll.example.se:8443</translation>
    </message>
    <message>
        <source>Enter the enrolment code from the central office.</source>
        <translation>Ange registreringskoden från kansliet.</translation>
    </message>
    <message>
        <source>A case</source>
        <translation>Ett ärende</translation>
    </message>
    <message>
        <source>Number invited to a survey</source>
        <translation>Antal tillfrågade i en enkät</translation>
    </message>
    <message>
        <source>Success story</source>
        <translation>Gott exempel</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Sammansättning</translation>
    </message>
    <message>
        <source>Conflict resolution</source>
        <translation>Konfliktlösning</translation>
    </message>
    <message>
        <source>Budget line</source>
        <translation>Budgetrad</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Outcome (utfall)</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognos</translation>
    </message>
    <message>
        <source>Opening equity</source>
        <translation>Ingående eget kapital</translation>
    </message>
    <message>
        <source>Finance setting</source>
        <translation>Ekonomiinställning</translation>
    </message>
    <message>
        <source>The server is not answering just now – your changes are saved here and sent when it can be reached. Last tried %1.</source>
        <translation>Servern svarar inte just nu – dina ändringar sparas här och skickas när den går att nå. Senaste försök %1.</translation>
    </message>
    <message>
        <source>An unexpected error stopped the action. Nothing of it was saved – try again; if it happens again, restart Samkoll and tell the central office.</source>
        <translation>Ett oväntat fel avbröt åtgärden. Inget av den sparades – försök igen; händer det igen, starta om Samkoll och meddela kansliet.</translation>
    </message>
    <message>
        <source>The server&apos;s own certificate, given at enrolment (pinned)</source>
        <translation>Serverns eget certifikat, från registreringen (fastnålat)</translation>
    </message>
    <message>
        <source>Issued by a trusted authority (this computer&apos;s certificate store)</source>
        <translation>Utfärdat av en betrodd utfärdare (datorns certifikatlager)</translation>
    </message>
    <message>
        <source>Judgment</source>
        <translation>Bedömning</translation>
    </message>
</context>
<context>
    <name>samkoll::client::CaseListModel</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n ärende</numerusform>
            <numerusform>%n ärenden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samkoll::client::CompositionForm</name>
    <message>
        <source>Write the number of people as a whole number, 0 or more.</source>
        <translation>Skriv antalet personer som ett heltal, 0 eller fler.</translation>
    </message>
    <message>
        <source>This computer does not enter that group.</source>
        <translation>Den här datorn för inte in den gruppen.</translation>
    </message>
</context>
<context>
    <name>samkoll::client::FinanceEntry</name>
    <message>
        <source>Write the amount in kronor, e.g. −12 500 or 1 234,50 (costs negative).</source>
        <translation>Skriv beloppet i kronor, t.ex. −12 500 eller 1 234,50 (kostnader negativa).</translation>
    </message>
    <message>
        <source>Write the year&apos;s budget in kronor, e.g. −1 200 000 (costs negative).</source>
        <translation>Skriv årets budget i kronor, t.ex. −1 200 000 (kostnader negativa).</translation>
    </message>
    <message>
        <source>Write the forecast in kronor, or leave it empty to have it computed.</source>
        <translation>Skriv prognosen i kronor, eller lämna den tom så beräknas den.</translation>
    </message>
    <message>
        <source>Write the opening equity in kronor, e.g. 2 254 000.</source>
        <translation>Skriv ingående eget kapital i kronor, t.ex. 2 254 000.</translation>
    </message>
    <message>
        <source>Outcome %1, %2</source>
        <translation>Utfall %1, %2</translation>
    </message>
    <message>
        <source>Forecast %1</source>
        <translation>Prognos %1</translation>
    </message>
    <message>
        <source>Budget %1</source>
        <translation>Budget %1</translation>
    </message>
    <message>
        <source>Opening equity</source>
        <translation>Ingående eget kapital</translation>
    </message>
    <message>
        <source>Write the line&apos;s code, e.g. insats-vindeln.</source>
        <translation>Skriv radens kod, t.ex. insats-vindeln.</translation>
    </message>
    <message>
        <source>Write the line&apos;s name as the driftredovisning shows it.</source>
        <translation>Skriv radens namn som driftredovisningen visar det.</translation>
    </message>
    <message>
        <source>Write the budget unit&apos;s code, e.g. SAMO.</source>
        <translation>Skriv budgetenhetens kod, t.ex. SAMO.</translation>
    </message>
</context>
<context>
    <name>samkoll::client::FinanceView</name>
    <message>
        <source>Allocation %1 kr. %2</source>
        <translation>Tilldelning %1 kr. %2</translation>
    </message>
</context>
<context>
    <name>samkoll::client::HaeImport</name>
    <message>
        <source>The file %1 could not be read: %2</source>
        <translation>Filen %1 gick inte att läsa: %2</translation>
    </message>
    <message>
        <source>The file %1 is larger than a HÅE file can be (4 MB).</source>
        <translation>Filen %1 är större än en HÅE-fil kan vara (4 MB).</translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n kommun-year(s) new or changed. Every computer gets them with its next sync.</source>
        <translation>
            <numerusform>Inläst: %n kommunår nytt eller ändrat. Alla datorer får det vid nästa synk.</numerusform>
            <numerusform>Inläst: %n kommunår nya eller ändrade. Alla datorer får dem vid nästa synk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to import: the file&apos;s %n kommun-year(s) are already as stored.</source>
        <translation>
            <numerusform>Inget att läsa in: filens %n kommunår är redan som det sparade.</numerusform>
            <numerusform>Inget att läsa in: filens %n kommunår är redan som de sparade.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samkoll::client::Judgments</name>
    <message>
        <source>Write the motivation: what the judgment rests on.</source>
        <translation>Skriv motiveringen: vad bedömningen vilar på.</translation>
    </message>
</context>
<context>
    <name>samkoll::client::Overview</name>
    <message>
        <source>Whole year</source>
        <translation>Helår</translation>
    </message>
    <message>
        <source>T1 (Jan–Apr)</source>
        <translation>Tertial 1</translation>
    </message>
    <message>
        <source>T2 (May–Aug)</source>
        <translation>Tertial 2</translation>
    </message>
    <message>
        <source>T3 (Sep–Dec)</source>
        <translation>Tertial 3</translation>
    </message>
</context>
<context>
    <name>samkoll::client::Periods</name>
    <message>
        <source>Write whose decision it is, e.g. &quot;Styrelsen 2022-03-14 § 12&quot;.</source>
        <translation>Skriv vems beslut det är, t.ex. ”Styrelsen 2022-03-14 § 12”.</translation>
    </message>
    <message>
        <source>%1 is approved and locked.</source>
        <translation>%1 är fastställt och låst.</translation>
    </message>
    <message>
        <source>%1 is open for changes again.</source>
        <translation>%1 är öppet för ändringar igen.</translation>
    </message>
</context>
<context>
    <name>samkoll::client::Reports</name>
    <message>
        <source>Choose a report.</source>
        <translation>Välj en rapport.</translation>
    </message>
    <message>
        <source>Choose PDF, HTML or CSV.</source>
        <translation>Välj PDF, HTML eller CSV.</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>Välj var rapporten ska sparas.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n page(s)).</source>
        <translation>
            <numerusform>Sparade %1 (%n sida).</numerusform>
            <numerusform>Sparade %1 (%n sidor).</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Sparade %1.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s), one per table, beside %1.</source>
        <translation>
            <numerusform>Sparade %n fil, en per tabell, bredvid %1.</numerusform>
            <numerusform>Sparade %n filer, en per tabell, bredvid %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samkoll::client::SieImport</name>
    <message>
        <source>SIE %1</source>
        <translation>SIE %1</translation>
    </message>
    <message>
        <source>utfall from the vouchers</source>
        <translation>utfall ur verifikationerna</translation>
    </message>
    <message>
        <source>utfall from the period balances</source>
        <translation>utfall ur periodsaldona</translation>
    </message>
    <message>
        <source>no checksum</source>
        <translation>utan kontrollsumma</translation>
    </message>
    <message numerus="yes">
        <source>The mapping is saved (%n rule(s)).</source>
        <translation>
            <numerusform>Mappningen är sparad (%n regel).</numerusform>
            <numerusform>Mappningen är sparad (%n regler).</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the budget line for account %1.</source>
        <translation>Välj budgetrad för konto %1.</translation>
    </message>
    <message>
        <source>The file %1 could not be read: %2</source>
        <translation>Filen %1 gick inte att läsa: %2</translation>
    </message>
    <message>
        <source>The file %1 is larger than 6 MB: export one fiscal year at a time.</source>
        <translation>Filen %1 är större än 6 MB: exportera ett räkenskapsår i taget.</translation>
    </message>
    <message numerus="yes">
        <source>Imported from %1: the utfall of %n line(s) is on the server and comes to this computer with the sync.</source>
        <translation>
            <numerusform>Inläst från %1: utfallet för %n rad finns på servern och kommer till den här datorn med synken.</numerusform>
            <numerusform>Inläst från %1: utfallet för %n rader finns på servern och kommer till den här datorn med synken.</numerusform>
        </translation>
    </message>
    <message>
        <source>utfall per budget line and month (CSV)</source>
        <translation>utfall per budgetrad och månad (CSV)</translation>
    </message>
</context>
<context>
    <name>samkoll::client::SocialBudgetEditor</name>
    <message>
        <source>The förbund</source>
        <translation>Förbundet</translation>
    </message>
    <message>
        <source>Each team</source>
        <translation>Varje team</translation>
    </message>
    <message>
        <source>The förbund and each team</source>
        <translation>Förbundet och varje team</translation>
    </message>
    <message>
        <source>No social budget yet: start from a template or open a budget file.</source>
        <translation>Ingen social budget än: börja från en mall eller öppna en budgetfil.</translation>
    </message>
    <message>
        <source>Saved on the server – every computer computes the index with it.</source>
        <translation>Sparad på servern – alla datorer räknar index med den.</translation>
    </message>
    <message>
        <source>Draft: %1 started from %2 – change weights and targets, then save.</source>
        <translation>Utkast: %1 startat från %2 – ändra vikter och mål, spara sedan.</translation>
    </message>
    <message>
        <source>The file %1 could not be read: %2</source>
        <translation>Filen %1 gick inte att läsa: %2</translation>
    </message>
    <message>
        <source>The file %1 is no social budget: it should be a JSON file as samkolld template writes it.</source>
        <translation>Filen %1 är ingen social budget: den ska vara en JSON-fil som den samkolld template skriver.</translation>
    </message>
    <message>
        <source>Draft from the file %1 – check it, then save.</source>
        <translation>Utkast från filen %1 – granska det, spara sedan.</translation>
    </message>
    <message>
        <source>Draft: %1 from the national NNS core indicators – set the targets, then save.</source>
        <translation>Utkast: %1 från de nationella NNS-kärnindikatorerna – sätt målen, spara sedan.</translation>
    </message>
    <message>
        <source>Draft: %1 from the 2021 template (Umeåregionen) – change it, then save.</source>
        <translation>Utkast: %1 från 2021 års mall (Umeåregionen) – ändra den, spara sedan.</translation>
    </message>
    <message>
        <source>Draft: %1 changed – save to replace the saved budget.</source>
        <translation>Utkast: %1 ändrad – spara för att ersätta den sparade budgeten.</translation>
    </message>
    <message>
        <source>The budget does not hold yet: %1</source>
        <translation>Budgeten håller inte än: %1</translation>
    </message>
    <message>
        <source>Saved on the server: the social budget %1 with %2 indicators. Every computer gets it with its next sync.</source>
        <translation>Sparad på servern: den sociala budgeten %1 med %2 indikatorer. Alla datorer får den vid nästa synk.</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>vikt</translation>
    </message>
    <message>
        <source>target</source>
        <translation>mål</translation>
    </message>
    <message>
        <source>ideal share</source>
        <translation>idealandel</translation>
    </message>
    <message>
        <source>Area %1, %2: %3</source>
        <translation>Område %1, %2: %3</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
</context>
<context>
    <name>samkoll::client::Stories</name>
    <message>
        <source>Choose a category.</source>
        <translation>Välj en kategori.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2021-03-05 (and a date that exists).</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2021-03-05 (och ett datum som finns).</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Datumet kan inte ligga i framtiden.</translation>
    </message>
</context>
<context>
    <name>samkoll::client::SurveyEntry</name>
    <message>
        <source>%1, whole year</source>
        <translation>%1, helår</translation>
    </message>
    <message>
        <source>%1, tertial %2</source>
        <translation>%1, tertial %2</translation>
    </message>
    <message>
        <source>%1 answered – enter the number invited to see the response rate</source>
        <translation>%1 har svarat – ange antal tillfrågade för att se svarsfrekvensen</translation>
    </message>
    <message>
        <source>Response rate %1 (%2 of %3)</source>
        <translation>Svarsfrekvens %1 (%2 av %3)</translation>
    </message>
    <message>
        <source>Choose the respondent&apos;s gender (or “Prefer not to say”).</source>
        <translation>Välj den svarandes kön (eller ”Vill ej svara”).</translation>
    </message>
    <message>
        <source>Nothing to save – fill in at least one answer.</source>
        <translation>Inget att spara – fyll i minst ett svar.</translation>
    </message>
    <message>
        <source>Write the number invited as a whole number, e.g. 40.</source>
        <translation>Skriv antalet tillfrågade som ett heltal, t.ex. 40.</translation>
    </message>
    <message>
        <source>the team</source>
        <translation>teamet</translation>
    </message>
    <message>
        <source>Write a whole number of answers (−1 takes one back): “%1” is not one.</source>
        <translation>Skriv ett helt antal svar (−1 tar tillbaka ett): ”%1” är inget sådant.</translation>
    </message>
</context>
<context>
    <name>samkoll::client::Users</name>
    <message>
        <source>Write the user&apos;s login name.</source>
        <translation>Skriv användarens användarnamn.</translation>
    </message>
    <message>
        <source>%1 is added. Make an enrolment code for the user&apos;s computer.</source>
        <translation>%1 är tillagd. Gör en registreringskod till användarens dator.</translation>
    </message>
    <message>
        <source>The device is revoked: it can no longer sync.</source>
        <translation>Enheten är spärrad: den kan inte längre synka.</translation>
    </message>
    <message numerus="yes">
        <source>The code is valid for %n day(s) and can be used once.</source>
        <translation>
            <numerusform>Koden gäller i %n dag och kan användas en gång.</numerusform>
            <numerusform>Koden gäller i %n dagar och kan användas en gång.</numerusform>
        </translation>
    </message>
</context>
</TS>
