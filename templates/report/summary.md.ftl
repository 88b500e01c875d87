<#ftl output_format="Markdown">
<#-- The suite in Markdown for a CI job summary: verdict, run facts, a table, and why each problem case failed. -->
# ${v.title()}

**${v.status()}**: ${v.counts()}

<#list v.facts() as fact>
- ${fact.label()}: ${fact.value()}
</#list>

| case | status | tier | required | seconds | detail |
|---|---|---|---|---:|---|
<#list v.cases() as c>
| [${c.name()}](${c.page()}) | ${c.status()} | ${c.tier()} | ${c.required()} | ${c.seconds()} | ${c.detail()} |
</#list>
<#list v.problems() as c>

## ${c.name()}: ${c.status()}

<#list c.reasons() as reason>
- ${reason}
</#list>
<#if c.suggestion()?has_content>

${c.suggestion()}
</#if>

Details: [${c.page()}](${c.page()})
</#list>
