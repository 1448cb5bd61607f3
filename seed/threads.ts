/** The demo threads in English (./languages.ts has those in the other four languages). Calm, professional, never an identifying or explicit detail. */
export interface DemoThread {
  space: string;
  /** The content language (ISO 639-1); English unless given. */
  language?: string;
  title: string;
  /** Who starts it: a demo account email, or a sector (someone from an organisation of that sector). */
  by: string;
  hoursAgo: number;
  body: string;
  replies: string[];
  pinned?: boolean;
  urgent?: string;
  /** The first post's earlier wording: it was edited (moderators can read earlier versions). */
  firstVersion?: string;
}

export const THREADS: DemoThread[] = [
  {
    space: 'general-discussion',
    title: 'Welcome: introduce yourself and your work',
    by: 'admin@secretariat.example',
    hoursAgo: 240,
    pinned: true,
    body: 'Welcome to the portal. Say who you are, where you work and what you hope to share or learn here.\n\nPlease read the **community guidelines** before posting: never share details that could identify a victim, a survivor or a case.',
    firstVersion: 'Welcome to the portal. Say who you are and where you work.',
    replies: [
      'Hello all. I lead the policy team on online harms in our ministry, and I am keen to compare notes on legislation covering AI-generated material.',
      'Glad to be here. Our hotline has doubled its analyst team this year and we would welcome contact with others managing fast growth.',
      'Trust and safety lead here. Happy to share what we have learned from building reporting flows for younger users.',
    ],
  },
  {
    space: 'general-discussion',
    title: 'Regional webinar on national response frameworks: recordings and slides',
    by: 'admin@secretariat.example',
    hoursAgo: 120,
    body: 'Thank you to everyone who joined last week. The slides are in the resource library; the recording will follow once speakers have approved it.\n\nQuestions we did not have time for are welcome below.',
    replies: [
      'Thank you. Could a future session look at how smaller administrations staff a national referral centre?',
      'Seconded. Budget and staffing models would be very useful.',
    ],
  },
  {
    space: 'emerging-threats',
    title: 'Rise in financial sextortion reports involving teenage boys',
    by: 'civil@demo.example',
    hoursAgo: 6,
    urgent: 'Several hotlines report a sharp rise since Monday; coordinated advice for schools is needed this week.',
    body: 'Our hotline and two partners have seen a clear rise in reports of **financial sexual extortion** over the past few days, mostly involving boys aged 14 to 17 contacted through gaming and social platforms.\n\nWe are preparing advice for schools and parents. It would help to know:\n\n1. whether companies are seeing the same pattern;\n2. which reporting routes are fastest where you are;\n3. any tested wording for young people that avoids blame.',
    replies: [
      'We see a similar pattern on our service and have increased the priority of these reports. We can share our safety messaging for young users, which was tested with a youth panel.',
      'Our national helpline number and the police reporting route are in our guidance; I will post a link in the resource library. The key message that worked for us: *it is not your fault, do not pay, and tell someone you trust*.',
    ],
  },
  {
    space: 'emerging-threats',
    title: 'AI-generated child sexual abuse material: detection approaches that are working',
    by: 'company@demo.example',
    hoursAgo: 70,
    body: 'Hash matching does not catch newly generated material. We are combining classifiers with signals about accounts and distribution patterns.\n\nWhat has worked for others, and what should we be careful about (false positives, reviewer wellbeing, legal questions about synthetic material)?',
    replies: [
      'In our jurisdiction synthetic material is illegal in the same way as other material, which simplifies referrals. The harder question for us is victim identification time lost on synthetic images.',
      'Our analysts now tag suspected AI-generated reports separately, so that trends are visible in our statistics without guessing.',
      'We would be interested in a shared taxonomy for tagging. Perhaps a task-and-finish group?',
    ],
  },
  {
    space: 'government-reference-group',
    title: 'Agenda suggestions for the next reference group meeting',
    by: 'government@demo.example',
    hoursAgo: 48,
    body: 'The next government reference group meeting is in six weeks. Please suggest topics. So far:\n\n- updating legislation for AI-generated material\n- cross-border data requests\n- funding victim identification capacity',
    replies: [
      'Could we add a short session on the Maturity Model self-assessment? Several of us are starting it this year.',
      'Support for the cross-border data item. Response times remain our main obstacle.',
    ],
  },
  {
    space: 'government-reference-group',
    title: 'Updating national legislation to cover AI-generated material',
    by: 'government',
    hoursAgo: 96,
    body: 'We are drafting an amendment so that synthetic and altered material is covered explicitly. Has anyone published explanatory notes we could learn from?',
    replies: ['Our explanatory memorandum is public; I will share it in the resource library with a short summary in English.'],
  },
  {
    space: 'private-sector-reference-group',
    title: 'Transparency reporting: aligning on metrics',
    by: 'company@demo.example',
    hoursAgo: 30,
    body: 'Different definitions make our transparency reports hard to compare. Could we agree on a small common set, for example reports sent to hotlines, median time to action, and appeals?',
    replies: [
      'Agreed on median time to action. We would add the share of detections that came from user reports.',
      'Happy to pilot a common set in our next report.',
    ],
  },
  {
    space: 'civil-society-reference-group',
    title: 'Supporting the wellbeing of hotline analysts',
    by: 'civil@demo.example',
    hoursAgo: 54,
    body: 'With volumes rising, we are reviewing how we protect analysts: rotation, counselling, limits on daily exposure. What do others do, and what has made a real difference?',
    replies: [
      'Mandatory breaks and a peer-support rota made the biggest difference for us, more than the counselling budget itself.',
      'We moved to greyscale and blurred previews by default; analysts choose when to see more.',
    ],
  },
  {
    space: 'model-national-response-working-group',
    title: 'Maturity Model self-assessment: lessons from the first round',
    by: 'igo@demo.example',
    hoursAgo: 80,
    body: 'Four governments have completed the self-assessment. Common lessons so far:\n\n- involve industry and civil society early;\n- the "building" stage descriptions need more examples;\n- data for some indicators is hard to find.\n\nPlease add your observations before the drafting session.',
    replies: [
      'The prevention indicators were the hardest for us: the data sits in several ministries.',
      'We would like clearer guidance on how survivors can be involved in the assessment safely.',
    ],
  },
  {
    space: 'research-and-data',
    title: 'Survey of young adults on childhood exposure to online harms: methods',
    by: 'civil_society',
    hoursAgo: 140,
    body: 'We are planning a survey of young adults about their experiences online before the age of 18. We would welcome advice on question wording, safeguarding for respondents, and comparability with earlier surveys.',
    replies: [
      'Signposting to support at the start and end of every section was essential in our study, along with a quick exit.',
      'Keep the earlier question wording where you can: comparability is worth more than small improvements.',
    ],
  },
];
