import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data every database needs, demo data or not: the 14 risk factors of the UN Framework of
 * Analysis for Atrocity Crimes (Office on Genocide Prevention and the Responsibility to Protect, 2014),
 * with a selection of their numbered indicators. Names and indicator texts follow the Framework's
 * wording and numbering; an indicator is listed only where its text could be stated faithfully, so the
 * numbering has gaps where the Framework has more indicators than are listed here. Ids are fixed so
 * that every database (and every client holding a global id) agrees on them.
 *
 * This migration is self-contained on purpose: it must not change when application code does.
 */

type Category = 'COMMON' | 'GENOCIDE' | 'CRIMES_AGAINST_HUMANITY' | 'WAR_CRIMES';
type Factor = {
  number: number;
  name: string;
  category: Category;
  description: string;
  indicators: [string, string][];
};

const factorId = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const indicatorId = (n: number, i: number) =>
  `00000000-0000-4000-8001-00000000${String(n).padStart(2, '0')}${String(i).padStart(2, '0')}`;

const FACTORS: Factor[] = [
  {
    number: 1,
    name: 'Situations of armed conflict or other forms of instability',
    category: 'COMMON',
    description:
      'Situations that place a State under stress and generate an environment conducive to atrocity crimes.',
    indicators: [
      ['1.1', 'International or non-international armed conflict.'],
      [
        '1.2',
        'Security crisis caused by, among other factors, defection from peace agreements, armed conflict in neighbouring countries, threats of external interventions or acts of terrorism.',
      ],
      ['1.3', 'Humanitarian crisis or emergency, including those caused by natural disasters or epidemics.'],
      ['1.4', 'Political instability caused by abrupt or irregular regime change or transfer of power.'],
      [
        '1.5',
        'Political instability caused by disputes over power or growing nationalist, armed or radical opposition movements.',
      ],
      ['1.6', 'Political tension caused by autocratic regimes or severe political repression.'],
      [
        '1.7',
        'Economic instability caused by scarcity of resources or disputes over their use or exploitation.',
      ],
      ['1.8', 'Economic instability caused by severe crisis in the national economy.'],
      [
        '1.9',
        'Economic instability caused by acute poverty, mass unemployment or deep horizontal inequalities.',
      ],
      [
        '1.10',
        'Social instability caused by resistance to or mass protests against State authority or policies.',
      ],
      [
        '1.11',
        'Social instability caused by exclusion or tensions based on identity issues, their perception or extremist forms.',
      ],
    ],
  },
  {
    number: 2,
    name: 'Record of serious violations of international human rights and humanitarian law',
    category: 'COMMON',
    description:
      'Past or present serious violations of international human rights and humanitarian law, particularly if assuming an early pattern of conduct, and including those amounting to atrocity crimes, that have not been prevented, punished or adequately addressed and, as a result, create a risk of further violations.',
    indicators: [
      [
        '2.1',
        'Past or present serious restrictions to or violations of international human rights and humanitarian law, particularly if assuming an early pattern of conduct and if targeting protected groups, populations or individuals.',
      ],
      ['2.2', 'Past acts of genocide, crimes against humanity, war crimes or their incitement.'],
      [
        '2.3',
        'Policy or practice of impunity for or tolerance of serious violations of international human rights and humanitarian law, of atrocity crimes, or of their incitement.',
      ],
      [
        '2.4',
        'Inaction, reluctance or refusal to use all possible means to stop planned, predictable or ongoing serious violations of international human rights and humanitarian law or likely atrocity crimes, or their incitement.',
      ],
    ],
  },
  {
    number: 3,
    name: 'Weakness of State structures',
    category: 'COMMON',
    description:
      'Circumstances that negatively affect the capacity of a State to prevent or halt atrocity crimes.',
    indicators: [
      [
        '3.1',
        'National legal framework that does not offer ample and effective protection, including through ratification and domestication of relevant international human rights and humanitarian law treaties.',
      ],
      [
        '3.2',
        'National institutions, particularly judicial, law enforcement and human rights institutions that lack sufficient resources, adequate representation or training.',
      ],
      ['3.3', 'Lack of an independent and impartial judiciary.'],
      ['3.4', 'Lack of effective civilian control of security forces.'],
      ['3.5', 'High levels of corruption or poor governance.'],
      [
        '3.6',
        'Absence or inadequate external or internal mechanisms of oversight and accountability, including those where victims can seek recourse for their claims.',
      ],
    ],
  },
  {
    number: 4,
    name: 'Motives or incentives',
    category: 'COMMON',
    description:
      'Reasons, aims or drivers that justify the use of violence against protected groups, populations or individuals, including by actors outside of State borders.',
    indicators: [
      ['4.1', 'Political motives, particularly those aimed at the attainment or consolidation of power.'],
      [
        '4.2',
        'Economic interests, including those based on the safeguard and well-being of elites or identity groups, or control over the distribution of resources.',
      ],
      [
        '4.3',
        'Strategic or military interests, including those based on protection or seizure of territory and resources.',
      ],
      ['4.4', 'Other interests, including those aimed at rendering an area homogeneous in its identity.'],
      [
        '4.5',
        'Real or perceived threats posed by protected groups, populations or individuals, against interests or objectives of perpetrators, including perceptions of disloyalty to a cause.',
      ],
      [
        '4.7',
        'Ideologies based on the supremacy of a certain identity or on extremist versions of identity.',
      ],
      ['4.8', 'Politicization of past grievances, tensions or impunity.'],
      [
        '4.9',
        'Social trauma caused by past incidents of violence not adequately addressed and that produced feelings of loss, displacement, injustice and a possible desire for revenge.',
      ],
    ],
  },
  {
    number: 5,
    name: 'Capacity to commit atrocity crimes',
    category: 'COMMON',
    description: 'Conditions that indicate the ability of relevant actors to commit atrocity crimes.',
    indicators: [
      [
        '5.1',
        'Availability of personnel and of arms and ammunition, or of the financial resources, public or private, for their procurement.',
      ],
      [
        '5.2',
        'Capacity to transport and deploy personnel and to transport and distribute arms and ammunition.',
      ],
      [
        '5.3',
        'Capacity to encourage or recruit large numbers of supporters from populations or groups, and availability of the means to mobilize them.',
      ],
      ['5.4', 'Strong culture of obedience to authority and group conformity.'],
      [
        '5.8',
        'Armed, financial, logistic, training or other support of external actors, including States, international or regional organizations, private companies, or others.',
      ],
    ],
  },
  {
    number: 6,
    name: 'Absence of mitigating factors',
    category: 'COMMON',
    description:
      'Absence of elements that, if present, could contribute to preventing or to lessening the impact of serious acts of violence against protected groups, populations or individuals.',
    indicators: [
      [
        '6.2',
        'Lack of a strong, organized and representative national civil society and of a free, diverse and independent national media.',
      ],
      [
        '6.3',
        'Lack of interest and focus of international civil society actors or of access to international media.',
      ],
      [
        '6.4',
        'Lack of or limited presence of the United Nations, INGOs or other international or regional actors in the country and with access to populations.',
      ],
      ['6.7', 'Limited cooperation of the State with international and regional human rights mechanisms.'],
      ['6.11', 'Lack of an early warning mechanism relevant to the prevention of atrocity crimes.'],
    ],
  },
  {
    number: 7,
    name: 'Enabling circumstances or preparatory action',
    category: 'COMMON',
    description:
      'Events or measures, whether gradual or sudden, which provide an environment conducive to the commission of atrocity crimes, or which suggest a trajectory towards their perpetration.',
    indicators: [
      [
        '7.1',
        'Imposition of emergency laws or extraordinary security measures that erode fundamental rights.',
      ],
      [
        '7.2',
        'Suspension of or interference with vital State institutions, or measures that result in changes in their composition or balance of power, particularly if this results in the exclusion or lack of representation of protected groups.',
      ],
      [
        '7.3',
        'Strengthening of the security apparatus, its reorganization or mobilization against protected groups, populations or individuals.',
      ],
      [
        '7.4',
        'Acquisition of large quantities of arms and ammunition or of other objects that could be used to inflict harm.',
      ],
      ['7.5', 'Creation of, or increased support to, militia or paramilitary groups.'],
      [
        '7.6',
        'Imposition of strict control on the use of communication channels, or banning access to them.',
      ],
      [
        '7.7',
        'Expulsion or refusal to allow the presence of NGOs, international organizations, media or other relevant actors, or imposition of severe restrictions on their services and movements.',
      ],
      [
        '7.8',
        'Increased violations of the right to life, physical integrity, liberty or security of members of protected groups, populations or individuals, or recent adoption of measures or legislation that affect or deliberately discriminate against them.',
      ],
      [
        '7.9',
        'Increased serious acts of violence against women and children, or creation of conditions that facilitate acts of sexual violence against those groups, including as a tool of terror.',
      ],
      [
        '7.10',
        'Imposition of life-threatening living conditions or the deportation, seizure, collection, segregation, evacuation, or forced displacement or transfer of protected groups, populations or individuals to camps, rural areas, ghettos or other assigned locations.',
      ],
    ],
  },
  {
    number: 8,
    name: 'Triggering factors',
    category: 'COMMON',
    description:
      'Events or circumstances that, even if seemingly unrelated to atrocity crimes, may seriously exacerbate existing conditions or may spark their onset.',
    indicators: [
      ['8.1', 'Sudden deployment of security forces or commencement of armed hostilities.'],
      ['8.2', 'Spill-over of armed conflicts or serious tensions in neighbouring countries.'],
      [
        '8.3',
        'Measures taken by the international community perceived as threatening to a State’s sovereignty.',
      ],
      [
        '8.4',
        'Abrupt or irregular regime changes, transfers of power, or changes in political power of groups.',
      ],
      [
        '8.5',
        'Attacks against the life, physical integrity, liberty or security of leaders, prominent individuals or members of opposing groups. Other serious acts of violence, such as terrorist attacks.',
      ],
      [
        '8.6',
        'Religious events or real or perceived acts of religious intolerance or disrespect, including outside national borders.',
      ],
      ['8.7', 'Acts of incitement or hate propaganda targeting particular groups or individuals.'],
      [
        '8.8',
        'Census, elections, pivotal activities related to those processes, or measures that destabilize them.',
      ],
      [
        '8.9',
        'Sudden changes that affect the economy or the workforce, including as a result of financial crises, natural disasters or epidemics.',
      ],
      [
        '8.10',
        'Discovery of natural resources or launching of exploitation projects that have a serious impact on the livelihoods and sustainability of groups or civilian populations.',
      ],
      [
        '8.11',
        'Commemoration events of past crimes or of traumatic or historical episodes that can exacerbate tensions between groups, including the glorification of perpetrators of atrocities.',
      ],
      ['8.12', 'Acts related to accountability processes, particularly when perceived as unfair.'],
    ],
  },
  {
    number: 9,
    name: 'Intergroup tensions or patterns of discrimination against protected groups',
    category: 'GENOCIDE',
    description:
      'Past or present conduct that reveals serious prejudice against protected groups and that creates stress in the relationship among groups or with the State, generating an environment conducive to atrocity crimes.',
    indicators: [
      [
        '9.1',
        'Past or present serious discriminatory, segregational, restrictive or exclusionary practices, policies or legislation against protected groups.',
      ],
      ['9.2', 'Denial of the existence of protected groups or of recognition of elements of their identity.'],
      ['9.3', 'History of atrocity crimes committed with impunity against protected groups.'],
      [
        '9.4',
        'Past or present serious tensions or conflicts between protected groups or with the State, with regards to access to rights and resources, socioeconomic disparities, participation in decision making processes, security, expressions of group identity or to perceptions about the targeted group.',
      ],
      [
        '9.5',
        'Past or present serious tensions or conflicts involving other types of groups (political, social, cultural, geographical, etc.) that could develop along national, ethnical, racial or religious lines.',
      ],
      ['9.6', 'Lack of national mechanisms or initiatives to deal with identity-based tensions or conflict.'],
    ],
  },
  {
    number: 10,
    name: 'Signs of an intent to destroy in whole or in part a protected group',
    category: 'GENOCIDE',
    description:
      'Facts or circumstances that suggest an intent, by action or omission, to destroy all or part of a protected group based on its national, ethnical, racial or religious identity, or the perception of this identity.',
    indicators: [
      [
        '10.1',
        'Official documents, political manifestos, media records, or any other documentation through which a direct intent, or incitement, to target a protected group is revealed, or which can be inferred in a reasonable manner from the language used.',
      ],
      [
        '10.2',
        'Targeted physical elimination, rapid or gradual, of members of a protected group, including only selected parts of it, which could bring about the destruction of the group.',
      ],
      [
        '10.3',
        'Widespread or systematic discriminatory or targeted practices or violence against the lives, freedom or physical and moral integrity of a protected group, even if not yet reaching the level of elimination.',
      ],
      [
        '10.4',
        'Development of policies or measures that seriously affect the reproductive rights of women, or that contemplate the separation or forcible transfer of children belonging to protected groups.',
      ],
    ],
  },
  {
    number: 11,
    name: 'Signs of a widespread or systematic attack against any civilian population',
    category: 'CRIMES_AGAINST_HUMANITY',
    description:
      'Violent conduct against a civilian population whose scale (widespread) or organized pattern (systematic) points to crimes against humanity.',
    indicators: [
      [
        '11.1',
        'Signs of patterns of violence against civilian populations, or against members of an identifiable group, their property, livelihoods and cultural or religious symbols.',
      ],
      [
        '11.2',
        'Increase in the number of civilian populations or groups targeted, or of the geographical areas where attacks are taking place.',
      ],
    ],
  },
  {
    number: 12,
    name: 'Signs of a plan or policy to attack any civilian population',
    category: 'CRIMES_AGAINST_HUMANITY',
    description:
      'Facts or evidence suggestive of a State or organizational policy, even if not explicitly stipulated or formally adopted, to commit serious acts of violence directed against any civilian population.',
    indicators: [
      [
        '12.1',
        'Official documents, political manifestos, media records, or any other documentation through which the existence of a State or organizational plan or policy to target civilian populations or protected groups is directly revealed, or which could be inferred in a reasonable manner from the language used.',
      ],
      [
        '12.2',
        'Adoption of discriminatory security procedures against different groups of the civilian population.',
      ],
      [
        '12.3',
        'Adoption of measures that result in the alteration of the ethnic, religious, racial or political composition of the overall population, including in defined geographical areas.',
      ],
    ],
  },
  {
    number: 13,
    name: 'Serious threats to those protected under international humanitarian law',
    category: 'WAR_CRIMES',
    description:
      'Conflict-related conduct that seriously threatens the life and physical integrity of those protected under international humanitarian law.',
    indicators: [
      [
        '13.1',
        'Fragmentation of parties to the conflict or disintegration or absence of chains of command within them.',
      ],
      [
        '13.2',
        'Mistrust between opposing parties based on past or present breaches of commitments or agreements.',
      ],
      ['13.3', 'Increased radicalization or extremism of opposing parties within a conflict.'],
      [
        '13.4',
        'Promotion of ethnicity or religion as a determinant of national allegiance or allegiance to a party to the conflict.',
      ],
      [
        '13.5',
        'Conduct that dehumanizes the enemy or particular groups within the population, or that exhibits disrespect for their religious, ethnic or, in general, cultural traditions, morals, values, objects or institutions.',
      ],
      [
        '13.6',
        'Adoption of measures that severely curtail the rights of those protected under international humanitarian law, including those aligned or perceived as aligned with opposing parties but not taking an active part in hostilities.',
      ],
      [
        '13.7',
        'Evidence of plans or discourse which reveals a threat of or incitement to violence against those protected under international humanitarian law, including as a means to spread terror, intimidate, demoralize, show military strength, provoke displacement, or as preliminary to further violence.',
      ],
      [
        '13.8',
        'Evidence of conduct interfering with or impeding delivery or access to supplies, facilities, equipment, objects, or medical or humanitarian support indispensable to the survival of those protected under international humanitarian law.',
      ],
      [
        '13.9',
        'Evidence of preparation of personnel and logistics enabling the transportation, movement or confinement of large numbers of people, or the conducting of medical experiments.',
      ],
    ],
  },
  {
    number: 14,
    name: 'Serious threats to humanitarian or peacekeeping operations',
    category: 'WAR_CRIMES',
    description:
      'Conflict-related conduct that threatens the protection provided by international humanitarian law to humanitarian assistance or peacekeeping personnel not taking direct part in hostilities.',
    indicators: [],
  },
];

export class RiskFactorReferenceData1795240955977 implements MigrationInterface {
  name = 'RiskFactorReferenceData1795240955977';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const factor of FACTORS) {
      await queryRunner.query(
        `INSERT INTO "risk_factor" ("id", "number", "name", "category", "description") VALUES ($1, $2, $3, $4, $5)`,
        [factorId(factor.number), factor.number, factor.name, factor.category, factor.description],
      );
      for (const [code, text] of factor.indicators) {
        const position = Number(code.split('.')[1]);
        await queryRunner.query(
          `INSERT INTO "risk_indicator" ("id", "risk_factor_id", "code", "text") VALUES ($1, $2, $3, $4)`,
          [indicatorId(factor.number, position), factorId(factor.number), code, text],
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const ids = FACTORS.map((factor) => factorId(factor.number));
    // Scores refer to factors with ON DELETE RESTRICT: undoing this in a database that holds
    // assessments fails rather than silently dropping them.
    await queryRunner.query(`DELETE FROM "risk_indicator" WHERE "risk_factor_id" = ANY($1::uuid[])`, [ids]);
    await queryRunner.query(`DELETE FROM "risk_factor" WHERE "id" = ANY($1::uuid[])`, [ids]);
  }
}
