import type { FlowArm, FlowStep, ReportLanguage } from './report-model';

/**
 * Every fixed word of the printable report, in English and Persian. Values passed to the functions are already
 * formatted (and, for user text, escaped) by the renderer.
 */
export interface ReportStrings {
  title: string;
  subtitle: (program: string) => string;
  generated: (date: string) => string;
  summaryHeading: string;
  summaryRandomized: (amount: string, direction: string, ci: string, p: string, n: string) => string;
  summaryObservational: (amount: string, direction: string, ci: string, p: string, n: string) => string;
  summaryNone: string;
  higher: string;
  lower: string;
  designHeading: string;
  designRandomized: (places: string, inLottery: string, seed: string, drawnOn: string) => string;
  designStratified: string;
  designObservational: string;
  designDates: (startsOn: string, endsOn: string) => string;
  designMeasures: string;
  flowHeading: string;
  flowTitle: string;
  flowStep: Record<FlowStep, string>;
  arm: Record<FlowArm, string>;
  inPerson: string;
  virtual: string;
  groupsHeading: string;
  col: { group: string; n: string; pre: string; post: string; change: string; ci: string; dz: string; p: string; estimate: string; comparison: string };
  estimatesHeading: string;
  estimatesExplain: string;
  estimate: {
    randomizedAdjusted: string;
    randomizedDifference: string;
    adjusted: string;
    difference: string;
    inPersonAdjusted: string;
    virtualAdjusted: string;
  };
  whyDiffer: (unadjusted: string, adjusted: string, preGap: string) => string;
  doseHeading: string;
  doseText: (slope: string, ci: string, p: string, n: string) => string;
  doseNone: string;
  doseChartTitle: string;
  doseAxisX: string;
  doseAxisY: string;
  surveyHeading: string;
  surveyNone: string;
  surveyCol: { item: string; baseline: string; end: string; paired: string; change: string };
  surveyRespondents: (end: string, baseline: string) => string;
  levelHeading: string;
  levelIntro: string;
  levels: Array<{ name: string; what: string }>;
  reached: string;
  notReached: string;
  levelReached: (name: string) => string;
  levelNone: string;
  limitationsHeading: string;
  limits: {
    notRandomized: string;
    noAdjusted: string;
    nonCompliance: (n: string, of: string) => string;
    waitlistContamination: (n: string) => string;
    missing: (share: string) => string;
    small: (n: string) => string;
    baselineGap: (gap: string) => string;
    doseObservational: string;
    selfReport: string;
    singleProgram: string;
  };
  reproduceHeading: string;
  reproduceText: string;
  reproduceSeed: (seed: string) => string;
  reproduceEstimate: (label: string, value: string) => string;
  footnote: string;
}

const en: ReportStrings = {
  title: 'Evaluation report',
  subtitle: (program) => `Peer-mentoring program: ${program}`,
  generated: (date) => `Produced on ${date}`,
  summaryHeading: 'In one paragraph',
  summaryRandomized: (amount, direction, ci, p, n) =>
    `Places were allocated by lottery. Taking into account each student's results before the program, students offered a place scored on average ${amount} points ${direction} after it than waitlisted students who started at the same level (95% confidence interval ${ci}; p = ${p}; ${n} students analysed).`,
  summaryObservational: (amount, direction, ci, p, n) =>
    `Taking into account each student's results before the program, mentored students scored on average ${amount} points ${direction} after it than other students who started at the same level (95% confidence interval ${ci}; p = ${p}; ${n} students analysed). Students were not assigned to mentoring at random, so this is an association, not proof that mentoring caused it.`,
  summaryNone: 'There is not yet enough data for a baseline-adjusted estimate: it needs at least four students with results before and after the start, in both groups, with different starting results.',
  higher: 'higher',
  lower: 'lower',
  designHeading: 'Design',
  designRandomized: (places, inLottery, seed, drawnOn) =>
    `There were more mentees than places. On ${drawnOn}, before any matching, ${places} places were allocated by lottery among ${inLottery} mentees; the others were put on a waitlist and offered a place in the next round. The waitlisted students are the control group: chance alone decided who was offered a place, so the two groups differ only by chance at the start. The lottery sorted the mentees by the SHA-256 hash of “${seed}:” followed by each mentee's id; anyone with the seed can repeat it.`,
  designStratified: 'The places were shared between years of study in proportion to their size, and drawn by lottery within each year.',
  designObservational:
    'Mentored students are those who had a mentor in the program; every other student whose results were imported forms the comparison group. Students were not assigned to groups at random.',
  designDates: (startsOn, endsOn) => `Mentoring ran from ${startsOn} to ${endsOn}. Results before the start count as “before”, results from then on as “after”.`,
  designMeasures:
    'Each result is expressed as a percentage of the maximum score; a student’s before and after values are the means of their results. The adjusted estimate is an analysis of covariance: the after value regressed on the before value and the group, so students are compared with others who started at the same level.',
  flowHeading: 'Participant flow',
  flowTitle: 'Participant flow from enrolment to analysis',
  flowStep: {
    enrolled: 'Mentees enrolled',
    inLottery: 'In the lottery',
    joinedAfter: 'Joined after the draw',
    allocated: 'Allocated',
    matched: 'Matched with a mentor',
    inRecords: 'Other students in the records',
    withPrePost: 'With results before and after',
    analysed: 'Analysed',
  },
  arm: { offered: 'Offered a place', waitlisted: 'Waitlisted', mentored: 'Mentored', comparison: 'Comparison' },
  inPerson: 'Mentored in person',
  virtual: 'Mentored virtually',
  groupsHeading: 'Results before and after, by group',
  col: {
    group: 'Group',
    n: 'Students',
    pre: 'Before (%)',
    post: 'After (%)',
    change: 'Change (points)',
    ci: '95% interval',
    dz: 'Effect size (dz)',
    p: 'p',
    estimate: 'Estimate (points)',
    comparison: 'Comparison',
  },
  estimatesHeading: 'What mentoring did: estimates',
  estimatesExplain: 'Differences in points between the groups. An interval that contains zero means the data are also compatible with no difference.',
  estimate: {
    randomizedAdjusted: 'Offered vs waitlisted, adjusted for the before value (randomized, intention to treat)',
    randomizedDifference: 'Offered vs waitlisted, difference in change (Welch)',
    adjusted: 'Mentored vs comparison, adjusted for the before value',
    difference: 'Mentored vs comparison, difference in change (Welch)',
    inPersonAdjusted: 'In person vs comparison, adjusted',
    virtualAdjusted: 'Virtual vs comparison, adjusted',
  },
  whyDiffer: (unadjusted, adjusted, preGap) =>
    `The difference in change (${unadjusted}) and the adjusted estimate (${adjusted}) differ because the groups started ${preGap} points apart: students who start lower tend to rise and those who start higher to fall (regression to the mean), which the change scores count as an effect and the adjusted estimate does not.`,
  doseHeading: 'More sessions, more change?',
  doseText: (slope, ci, p, n) =>
    `Each additional session held went with a change of ${slope} points (95% interval ${ci}; p = ${p}; ${n} mentored students). Sessions count when they began, were not cancelled and the mentee was not marked absent.`,
  doseNone: 'Not enough data to fit a line: it needs at least three mentored students with results before and after, who held different numbers of sessions.',
  doseChartTitle: 'Change in results against sessions held, with the fitted line',
  doseAxisX: 'Sessions held',
  doseAxisY: 'Change (points)',
  surveyHeading: 'How students perceived the program',
  surveyNone: 'No survey answers yet.',
  surveyCol: { item: 'Statement (1 = strongly disagree, 5 = strongly agree)', baseline: 'At the start', end: 'At the end', paired: 'Both', change: 'Change' },
  surveyRespondents: (end, baseline) => `${end} students answered at the end, ${baseline} at the start.`,
  levelHeading: 'Evaluation level reached',
  levelIntro: 'Kirkpatrick’s four levels, from how participants felt to what changed for the school:',
  levels: [
    { name: 'Reaction', what: 'students’ views of the program (end survey)' },
    { name: 'Learning', what: 'assessment results before and after, against a comparison group' },
    { name: 'Behaviour', what: 'self-reported study behaviour at the start and at the end, paired per student' },
    { name: 'Results', what: 'pass rates before and after for both groups, with a randomized or adjusted estimate' },
  ],
  reached: 'reached',
  notReached: 'not reached',
  levelReached: (name) => `Highest level reached: ${name}.`,
  levelNone: 'No level reached yet.',
  limitationsHeading: 'Limitations the data imply',
  limits: {
    notRandomized: 'The comparison group was not randomized: students who sought or were given mentoring may differ from the others in ways the before results do not capture.',
    noAdjusted: 'The adjusted estimate could not be computed with the data available.',
    nonCompliance: (n, of) => `${n} of the ${of} students offered a place were never matched with a mentor: the randomized estimate measures the effect of offering mentoring, not of receiving it.`,
    waitlistContamination: (n) => `${n} waitlisted students were nevertheless matched in this program.`,
    missing: (share) => `${share} of the students in the lottery have no results before or after the start and could not be analysed; if they differ between the groups, the estimate may be biased.`,
    small: (n) => `Small numbers (${n} students in the smallest group) make the intervals wide.`,
    baselineGap: (gap) => `The groups started ${gap} points apart; the difference in change scores is biased by regression to the mean, so rely on the adjusted estimate.`,
    doseObservational: 'The number of sessions was not randomized: students who met more often may differ in other ways, so the slope is an association.',
    selfReport: 'Survey answers are self-reported.',
    singleProgram: 'One program at one school: results may not carry over to other settings.',
  },
  reproduceHeading: 'How to reproduce these numbers',
  reproduceText:
    'The research export (de-identified) has one row per student with group, before and after values. In R: lm(post ~ pre + group) gives the adjusted estimate as the group coefficient, with its standard error and interval (confint).',
  reproduceSeed: (seed) => `Lottery seed: ${seed}. Sort the mentees by the SHA-256 of seed, a colon and their id; the first of the list were offered a place.`,
  reproduceEstimate: (label, value) => `${label}: ${value} (six significant digits)`,
  footnote: 'Results are percentages of the maximum score. A dash means there was not enough data. p-values are two-sided.',
};

const fa: ReportStrings = {
  title: 'گزارش ارزشیابی',
  subtitle: (program) => `برنامهٔ منتورینگ همتا: ${program}`,
  generated: (date) => `تاریخ تهیه: ${date}`,
  summaryHeading: 'خلاصه در یک بند',
  summaryRandomized: (amount, direction, ci, p, n) =>
    `جاهای برنامه با قرعه‌کشی تقسیم شد. با در نظر گرفتن نتیجه‌های پیش از برنامهٔ هر دانشجو، دانشجویانی که در قرعه جا گرفتند پس از برنامه به طور میانگین ${amount} نمره ${direction} از دانشجویانی در فهرست انتظار گرفتند که از همان سطح شروع کرده بودند (بازهٔ اطمینان ۹۵٪: ${ci}؛ p = ${p}؛ ${n} دانشجو در تحلیل).`,
  summaryObservational: (amount, direction, ci, p, n) =>
    `با در نظر گرفتن نتیجه‌های پیش از برنامهٔ هر دانشجو، دانشجویان دارای منتور پس از برنامه به طور میانگین ${amount} نمره ${direction} از دانشجویان دیگری گرفتند که از همان سطح شروع کرده بودند (بازهٔ اطمینان ۹۵٪: ${ci}؛ p = ${p}؛ ${n} دانشجو در تحلیل). دانشجویان به صورت تصادفی به منتورینگ سپرده نشده‌اند؛ پس این یک همبستگی است، نه اثبات اینکه منتورینگ باعث آن شده است.`,
  summaryNone:
    'هنوز دادهٔ کافی برای برآورد تعدیل‌شده با نمرهٔ پایه نیست: دست‌کم چهار دانشجو با نتیجه پیش و پس از شروع لازم است، در هر دو گروه، با نمره‌های پایهٔ متفاوت.',
  higher: 'بیشتر',
  lower: 'کمتر',
  designHeading: 'طرح ارزشیابی',
  designRandomized: (places, inLottery, seed, drawnOn) =>
    `شمار منتی‌ها از ظرفیت بیشتر بود. در ${drawnOn}، پیش از هر جفت‌سازی، ${places} جا با قرعه‌کشی میان ${inLottery} منتی تقسیم شد و بقیه در فهرست انتظار قرار گرفتند تا در دورهٔ بعد جا بگیرند. دانشجویان فهرست انتظار گروه کنترل‌اند: تنها شانس تعیین کرد چه کسی جا بگیرد، پس دو گروه در آغاز فقط به اندازهٔ شانس با هم تفاوت دارند. قرعه‌کشی منتی‌ها را بر پایهٔ درهم‌سازی SHA-256 عبارت «${seed}:» و پس از آن شناسهٔ هر منتی مرتب کرد؛ هر کس بذر قرعه را داشته باشد می‌تواند آن را تکرار کند.`,
  designStratified: 'جاها به نسبت شمار دانشجویان هر سال تحصیلی میان سال‌ها تقسیم شد و قرعه درون هر سال کشیده شد.',
  designObservational:
    'دانشجویان دارای منتور کسانی‌اند که در این برنامه منتور داشتند؛ همهٔ دانشجویان دیگری که نتیجه‌هایشان وارد شده، گروه مقایسه‌اند. دانشجویان به صورت تصادفی در گروه‌ها قرار نگرفته‌اند.',
  designDates: (startsOn, endsOn) => `منتورینگ از ${startsOn} تا ${endsOn} برگزار شد. نتیجه‌های پیش از شروع «پیش» و نتیجه‌های از آن روز به بعد «پس» شمرده می‌شوند.`,
  designMeasures:
    'هر نتیجه به صورت درصدی از بیشترین نمره بیان شده و مقدار پیش و پس هر دانشجو میانگین نتیجه‌های اوست. برآورد تعدیل‌شده یک تحلیل کوواریانس است: رگرسیون مقدار پس بر مقدار پیش و گروه، تا هر دانشجو با دیگرانی مقایسه شود که از همان سطح شروع کرده‌اند.',
  flowHeading: 'جریان شرکت‌کنندگان',
  flowTitle: 'جریان شرکت‌کنندگان از ثبت‌نام تا تحلیل',
  flowStep: {
    enrolled: 'منتی‌های ثبت‌نام‌شده',
    inLottery: 'در قرعه‌کشی',
    joinedAfter: 'پیوسته پس از قرعه',
    allocated: 'تخصیص‌یافته',
    matched: 'جفت‌شده با منتور',
    inRecords: 'دانشجویان دیگر در سوابق',
    withPrePost: 'دارای نتیجهٔ پیش و پس',
    analysed: 'تحلیل‌شده',
  },
  arm: { offered: 'جا گرفته در قرعه', waitlisted: 'فهرست انتظار', mentored: 'دارای منتور', comparison: 'گروه مقایسه' },
  inPerson: 'منتورینگ حضوری',
  virtual: 'منتورینگ مجازی',
  groupsHeading: 'نتیجه‌های پیش و پس، به تفکیک گروه',
  col: {
    group: 'گروه',
    n: 'دانشجو',
    pre: 'پیش (٪)',
    post: 'پس (٪)',
    change: 'تغییر (نمره)',
    ci: 'بازهٔ ۹۵٪',
    dz: 'اندازهٔ اثر (dz)',
    p: 'p',
    estimate: 'برآورد (نمره)',
    comparison: 'مقایسه',
  },
  estimatesHeading: 'اثر منتورینگ: برآوردها',
  estimatesExplain: 'تفاوت میان گروه‌ها به نمره. بازه‌ای که صفر را در بر دارد یعنی داده‌ها با نبودِ تفاوت هم سازگارند.',
  estimate: {
    randomizedAdjusted: 'جا گرفته در برابر فهرست انتظار، تعدیل‌شده با مقدار پیش (تصادفی، بر پایهٔ قصد درمان)',
    randomizedDifference: 'جا گرفته در برابر فهرست انتظار، تفاوت تغییرها (ولش)',
    adjusted: 'دارای منتور در برابر گروه مقایسه، تعدیل‌شده با مقدار پیش',
    difference: 'دارای منتور در برابر گروه مقایسه، تفاوت تغییرها (ولش)',
    inPersonAdjusted: 'حضوری در برابر گروه مقایسه، تعدیل‌شده',
    virtualAdjusted: 'مجازی در برابر گروه مقایسه، تعدیل‌شده',
  },
  whyDiffer: (unadjusted, adjusted, preGap) =>
    `تفاوت تغییرها (${unadjusted}) و برآورد تعدیل‌شده (${adjusted}) با هم فرق دارند، چون دو گروه با ${preGap} نمره فاصله شروع کردند: دانشجویانی که پایین‌تر شروع می‌کنند معمولاً بالا می‌روند و آن‌ها که بالاتر شروع می‌کنند پایین می‌آیند (بازگشت به میانگین). نمرهٔ تغییر این را اثر می‌شمارد و برآورد تعدیل‌شده نه.`,
  doseHeading: 'جلسه‌های بیشتر، تغییر بیشتر؟',
  doseText: (slope, ci, p, n) =>
    `هر جلسهٔ بیشتر با ${slope} نمره تغییر همراه بود (بازهٔ ۹۵٪: ${ci}؛ p = ${p}؛ ${n} دانشجوی دارای منتور). جلسه‌ای شمرده می‌شود که آغاز شده، لغو نشده و منتی در آن غایب ثبت نشده باشد.`,
  doseNone: 'دادهٔ کافی برای برازش خط نیست: دست‌کم سه دانشجوی دارای منتور با نتیجهٔ پیش و پس و شمار جلسه‌های متفاوت لازم است.',
  doseChartTitle: 'تغییر نتیجه‌ها در برابر شمار جلسه‌ها، با خط برازش‌شده',
  doseAxisX: 'جلسه‌های برگزارشده',
  doseAxisY: 'تغییر (نمره)',
  surveyHeading: 'برداشت دانشجویان از برنامه',
  surveyNone: 'هنوز پاسخی به پرسش‌نامه داده نشده است.',
  surveyCol: { item: 'گزاره (۱ = کاملاً مخالفم، ۵ = کاملاً موافقم)', baseline: 'در آغاز', end: 'در پایان', paired: 'هر دو', change: 'تغییر' },
  surveyRespondents: (end, baseline) => `${end} دانشجو در پایان و ${baseline} دانشجو در آغاز پاسخ دادند.`,
  levelHeading: 'سطح ارزشیابی',
  levelIntro: 'چهار سطح کرک‌پاتریک، از احساس شرکت‌کنندگان تا آنچه برای دانشکده تغییر کرد:',
  levels: [
    { name: 'واکنش', what: 'دیدگاه دانشجویان دربارهٔ برنامه (پرسش‌نامهٔ پایانی)' },
    { name: 'یادگیری', what: 'نتیجه‌های آزمون پیش و پس، در برابر یک گروه مقایسه' },
    { name: 'رفتار', what: 'رفتار مطالعه به گزارش خود دانشجو در آغاز و پایان، جفت‌شده برای هر دانشجو' },
    { name: 'نتایج', what: 'نرخ قبولی پیش و پس در هر دو گروه، با برآورد تصادفی یا تعدیل‌شده' },
  ],
  reached: 'به دست آمد',
  notReached: 'به دست نیامد',
  levelReached: (name) => `بالاترین سطح به‌دست‌آمده: ${name}.`,
  levelNone: 'هنوز هیچ سطحی به دست نیامده است.',
  limitationsHeading: 'محدودیت‌هایی که داده‌ها نشان می‌دهند',
  limits: {
    notRandomized: 'گروه مقایسه تصادفی نبود: دانشجویانی که منتورینگ خواستند یا به آن سپرده شدند ممکن است از جهت‌هایی با دیگران فرق داشته باشند که نتیجه‌های پیش نشان نمی‌دهند.',
    noAdjusted: 'با داده‌های موجود نمی‌توان برآورد تعدیل‌شده را محاسبه کرد.',
    nonCompliance: (n, of) => `${n} نفر از ${of} دانشجویی که در قرعه جا گرفتند هرگز با منتوری جفت نشدند: برآورد تصادفی اثرِ پیشنهاد منتورینگ را می‌سنجد، نه اثرِ دریافت آن را.`,
    waitlistContamination: (n) => `${n} دانشجوی فهرست انتظار با این حال در این برنامه جفت شدند.`,
    missing: (share) => `${share} از دانشجویان قرعه‌کشی نتیجهٔ پیش یا پس از شروع ندارند و تحلیل نشدند؛ اگر این کمبود میان دو گروه متفاوت باشد، برآورد ممکن است سوگیری داشته باشد.`,
    small: (n) => `شمار کم (${n} دانشجو در کوچک‌ترین گروه) بازه‌ها را پهن می‌کند.`,
    baselineGap: (gap) => `دو گروه با ${gap} نمره فاصله شروع کردند؛ تفاوت نمره‌های تغییر به دلیل بازگشت به میانگین سوگیری دارد، پس به برآورد تعدیل‌شده تکیه کنید.`,
    doseObservational: 'شمار جلسه‌ها تصادفی نبود: دانشجویانی که بیشتر دیدار کردند ممکن است از جهت‌های دیگر هم متفاوت باشند، پس شیب خط یک همبستگی است.',
    selfReport: 'پاسخ‌های پرسش‌نامه خوداظهاری است.',
    singleProgram: 'یک برنامه در یک دانشکده: نتیجه‌ها ممکن است به جاهای دیگر تعمیم‌پذیر نباشد.',
  },
  reproduceHeading: 'چگونه این عددها را دوباره به دست آوریم',
  reproduceText:
    'خروجی پژوهشی (بی‌نام‌شده) برای هر دانشجو یک سطر با گروه و مقدارهای پیش و پس دارد. در R دستور lm(post ~ pre + group) برآورد تعدیل‌شده را به صورت ضریب گروه، با خطای معیار و بازهٔ آن (confint) می‌دهد.',
  reproduceSeed: (seed) => `بذر قرعه: ${seed}. منتی‌ها را بر پایهٔ SHA-256 بذر، یک دونقطه و شناسهٔ آن‌ها مرتب کنید؛ نخستین‌های فهرست جا گرفتند.`,
  reproduceEstimate: (label, value) => `${label}: ${value} (شش رقم معنادار)`,
  footnote: 'نتیجه‌ها درصدی از بیشترین نمره‌اند. خط تیره یعنی دادهٔ کافی نبود. مقدارهای p دوطرفه‌اند.',
};

export const REPORT_STRINGS: Record<ReportLanguage, ReportStrings> = { en, fa };
