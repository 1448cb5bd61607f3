import type { DemoThread } from './threads';
import type { DemoResource } from './resources';

/**
 * Demo content in the portal's other languages: members who read it in French, Spanish, Portuguese and
 * Arabic, and threads and resources they wrote. Fictional people and plausible professional content;
 * no statistics. Each account belongs to an organisation of a country where its language is spoken
 * (the demo organisations are generated with a fixed seed; `country` picks one, `organisation` is the
 * fallback).
 */

export interface LanguageAccount {
  email: string;
  name: string;
  jobTitle: string;
  label: string;
  locale: 'fr' | 'es' | 'pt' | 'ar';
  timeZone: string;
  sector: 'government' | 'civil_society';
  country: string;
  isFocalPoint?: boolean;
}

export const LANGUAGE_ACCOUNTS: LanguageAccount[] = [
  {
    email: 'fr@demo.example',
    name: 'Awa Traoré',
    jobTitle: 'Conseillère juridique, protection de l’enfance en ligne',
    label: 'member, reads the portal in French',
    locale: 'fr',
    timeZone: 'Africa/Bamako',
    sector: 'government',
    country: 'ML',
  },
  {
    email: 'es@demo.example',
    name: 'Lucía Fernández',
    jobTitle: 'Coordinadora de investigación',
    label: 'member, reads the portal in Spanish',
    locale: 'es',
    timeZone: 'America/Argentina/Buenos_Aires',
    sector: 'civil_society',
    country: 'AR',
  },
  {
    email: 'pt@demo.example',
    name: 'Rafael Costa',
    jobTitle: 'Inspetor, unidade de combate ao cibercrime',
    label: 'member, reads the portal in Portuguese',
    locale: 'pt',
    timeZone: 'Europe/Lisbon',
    sector: 'government',
    country: 'PT',
  },
  {
    email: 'ar@demo.example',
    name: 'ليلى الخطيب',
    jobTitle: 'مستشارة سياسات حماية الطفل',
    label: 'focal point, reads the portal in Arabic',
    locale: 'ar',
    timeZone: 'Asia/Amman',
    sector: 'government',
    country: 'JO',
    isFocalPoint: true,
  },
];

export const LANGUAGE_THREADS: DemoThread[] = [
  {
    space: 'general-discussion',
    language: 'fr',
    title: 'Créer une ligne de signalement nationale : par où commencer ?',
    by: 'fr@demo.example',
    hoursAgo: 30,
    body: 'Notre ministère étudie la création d’une ligne de signalement pour les contenus d’abus sexuels d’enfants en ligne.\n\nNous aimerions savoir comment d’autres pays ont procédé :\n\n- quel cadre juridique permet aux analystes de consulter les contenus signalés ;\n- comment la ligne travaille avec la police et les entreprises ;\n- quelles erreurs éviter la première année.',
    replies: [
      'Nous avons commencé par un accord écrit avec le parquet qui précise ce que les analystes peuvent faire, et par une formation commune avec l’unité de police spécialisée.',
      'Prévoyez dès le départ le soutien psychologique des analystes : il est plus difficile à mettre en place une fois l’équipe au travail.',
    ],
  },
  {
    space: 'emerging-threats',
    language: 'fr',
    title: 'Sextorsion financière : messages de prévention pour les établissements scolaires',
    by: 'fr@demo.example',
    hoursAgo: 100,
    body: 'Nous préparons une fiche pour les chefs d’établissement et les enseignants. Elle rappelle trois messages pour les élèves : **ce n’est pas ta faute**, **ne paie pas**, **parles-en à un adulte de confiance**.\n\nAvez-vous des formulations testées auprès de jeunes, en français ?',
    replies: [
      'Notre ligne d’écoute a testé des messages avec un panel de lycéens : ils préfèrent des phrases courtes et le numéro d’aide bien visible.',
    ],
  },
  {
    space: 'research-and-data',
    language: 'es',
    title: 'Encuesta a jóvenes adultos: adaptación del cuestionario al español',
    by: 'es@demo.example',
    hoursAgo: 60,
    body: 'Estamos adaptando al español un cuestionario sobre experiencias en línea antes de los 18 años. Nos preocupa que algunas preguntas no signifiquen lo mismo en distintos países de habla hispana.\n\n¿Alguien ha hecho una validación cognitiva con jóvenes de varios países? Agradeceríamos recomendaciones de método y de protección de las personas encuestadas.',
    replies: [
      'Hicimos entrevistas cognitivas en tres países antes de la encuesta. Cambiamos varias palabras coloquiales por términos neutros y añadimos un glosario breve.',
      'No olviden incluir al principio y al final de cada sección información sobre dónde pedir ayuda.',
    ],
  },
  {
    space: 'civil-society-reference-group',
    language: 'es',
    title: 'Coordinación entre líneas de denuncia y fiscalías en América Latina',
    by: 'es@demo.example',
    hoursAgo: 150,
    body: 'Proponemos reunir a las líneas de denuncia de la región para comparar cómo remiten los casos a las fiscalías y qué información les devuelven.\n\nSi su organización quiere participar, indíquelo en este hilo.',
    replies: ['Nos interesa. Nuestro principal problema es saber qué ocurre con un caso después de remitirlo.'],
  },
  {
    space: 'government-reference-group',
    language: 'pt',
    title: 'Cooperação transfronteiriça: pedidos de dados a prestadores de serviços',
    by: 'pt@demo.example',
    hoursAgo: 40,
    body: 'Os nossos pedidos de dados a empresas estabelecidas noutros países continuam a demorar demasiado.\n\nGostaríamos de comparar práticas: modelos de pedido, pontos de contacto nas empresas e acordos bilaterais que tenham funcionado.',
    replies: ['Um modelo de pedido comum, com os campos que as empresas precisam, reduziu muito as idas e voltas no nosso caso.'],
  },
  {
    space: 'general-discussion',
    language: 'pt',
    title: 'Materiais de formação em português para equipas de canais de denúncia',
    by: 'pt@demo.example',
    hoursAgo: 200,
    body: 'Procuramos materiais de formação em português para novas equipas de canais de denúncia: triagem, encaminhamento e bem-estar dos analistas.\n\nSe tiver materiais que possam ser partilhados, publique-os na biblioteca de recursos.',
    replies: ['Temos um módulo sobre triagem que podemos adaptar. Vou publicá-lo na biblioteca de recursos.'],
  },
  {
    space: 'government-reference-group',
    language: 'ar',
    title: 'تحديث التشريعات الوطنية لتشمل المواد المولّدة بالذكاء الاصطناعي',
    by: 'ar@demo.example',
    hoursAgo: 20,
    body: 'نعمل على مشروع تعديل قانوني ينص صراحةً على تجريم مواد الاعتداء الجنسي على الأطفال المولّدة أو المعدّلة بالذكاء الاصطناعي.\n\nنرحب بتبادل الخبرات حول:\n\n- صياغة التعريفات القانونية؛\n- دور النيابة العامة وخط الإبلاغ؛\n- التنسيق مع شركات التكنولوجيا.',
    replies: [
      'اعتمدنا تعريفاً يشمل كل صورة تبدو لطفل، سواء كانت حقيقية أو مولّدة، وسهّل ذلك عمل النيابة العامة كثيراً.',
      'ننصح بإشراك منظمات المجتمع المدني مبكراً في الصياغة، فلديها خبرة عملية مع الضحايا وأسرهم.',
    ],
  },
  {
    space: 'emerging-threats',
    language: 'ar',
    title: 'الابتزاز الجنسي المالي: رسائل توعية للأسر باللغة العربية',
    by: 'ar@demo.example',
    hoursAgo: 90,
    body: 'نعدّ مواد توعية للأسر حول الابتزاز الجنسي المالي. الرسائل الأساسية: **ليس ذنبك**، **لا تدفع**، **أخبر شخصاً تثق به**.\n\nهل لدى أحدكم صياغات عربية جُرّبت مع الشباب أو الأهالي؟',
    replies: ['جرّبنا رسائل قصيرة مع مجموعة من الأهالي، وكان أهمها ذكر رقم خط المساعدة بوضوح وطمأنة الطفل بأنه لن يُعاقَب.'],
  },
];

export const LANGUAGE_RESOURCES: DemoResource[] = [
  {
    by: 'fr@demo.example',
    title: 'Sextorsion : fiche de prévention pour les établissements scolaires',
    description:
      'Une fiche de deux pages pour les chefs d’établissement et les enseignants : reconnaître les signes, les trois messages à transmettre aux élèves, et vers qui orienter.',
    type: 'guidance_toolkit',
    topics: ['prevention-education', 'victim-support'],
    languages: ['fr'],
    year: 2025,
    visibility: 'all_members',
    url: 'https://example.org/fiche-sextorsion-ecoles',
  },
  {
    by: 'es@demo.example',
    title: 'Protocolo de derivación entre líneas de denuncia y fiscalías',
    description:
      'Un protocolo de ejemplo: qué información acompaña cada derivación, plazos de respuesta y cómo se informa a la línea de denuncia del resultado.',
    type: 'guidance_toolkit',
    topics: ['hotlines-reporting', 'law-enforcement'],
    languages: ['es'],
    year: 2024,
    visibility: 'all_members',
    url: 'https://example.org/protocolo-derivacion',
  },
  {
    by: 'pt@demo.example',
    title: 'Modelo de pedido de dados a prestadores de serviços',
    description: 'O modelo que usamos para pedidos de dados a empresas noutros países, com notas sobre cada campo e sobre os prazos habituais.',
    type: 'policy_legislation',
    topics: ['law-enforcement', 'policy-legislation'],
    languages: ['pt', 'en'],
    year: 2025,
    visibility: 'sectors',
    sectors: ['government'],
    url: 'https://example.org/modelo-pedido-dados',
  },
  {
    by: 'ar@demo.example',
    title: 'النموذج الوطني للاستجابة: ملخص باللغة العربية',
    description: 'ملخص عملي للنموذج الوطني للاستجابة ولنموذج النضج، أعددناه لزملائنا في الوزارات المعنية. يتضمن أسئلة للتقييم الذاتي وخطوات مقترحة.',
    type: 'guidance_toolkit',
    topics: ['policy-legislation', 'prevention-education'],
    languages: ['ar'],
    year: 2025,
    visibility: 'all_members',
    url: 'https://example.org/mnr-arabic-summary',
  },
];
